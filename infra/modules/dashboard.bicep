// DASH-05: the shared dashboard "medicapp-monitoring-dashboard" (a dashboard's resource name is limited to 24
// characters: the title is the hidden-title tag), its tiles pinned: DASH-01 to DASH-04 and the M1 technical views.
// Each tile runs a query of infra/queries over its window, the span of the query's own ago(): the build checks they are
// equal. Bicep has no types for the portal's tile inputs (BCP036/BCP037 here only).
@description('Location of the dashboard.')
param location string

@description('Resource id of the Application Insights component the tiles query.')
param applicationInsightsId string

var tiles = [
  { title: 'DASH-01 Parcours d\'inscription (30 j)', query: loadTextContent('../queries/dash-01-registration-funnel.kql'), window: 'P30D', chart: 'FrameControlChart', kind: 'categoricalbar' }
  { title: 'DASH-01 Inscriptions par canal', query: loadTextContent('../queries/dash-01-registrations-by-channel.kql'), window: 'P30D', chart: 'FrameControlChart', kind: 'StackedColumn' }
  { title: 'DASH-02 Demandes de signature', query: loadTextContent('../queries/dash-02-signature-funnel.kql'), window: 'P30D', chart: 'AnalyticsGrid', kind: '' }
  { title: 'DASH-02 Signatures par issue', query: loadTextContent('../queries/dash-02-signatures.kql'), window: 'P30D', chart: 'AnalyticsGrid', kind: '' }
  { title: 'DASH-02 Dossiers entierement signes', query: loadTextContent('../queries/dash-02-all-signed.kql'), window: 'P90D', chart: 'FrameControlChart', kind: 'StackedColumn' }
  { title: 'DASH-03 Rendez-vous', query: loadTextContent('../queries/dash-03-appointments.kql'), window: 'P30D', chart: 'FrameControlChart', kind: 'StackedColumn' }
  { title: 'DASH-03 Taux de remplissage des creneaux', query: loadTextContent('../queries/dash-03-slot-utilization.kql'), window: 'P30D', chart: 'AnalyticsGrid', kind: '' }
  { title: 'DASH-03 Ordonnances', query: loadTextContent('../queries/dash-03-prescriptions.kql'), window: 'P90D', chart: 'FrameControlChart', kind: 'StackedColumn' }
  { title: 'DASH-04 Securite', query: loadTextContent('../queries/dash-04-security.kql'), window: 'P7D', chart: 'FrameControlChart', kind: 'Line' }
  { title: 'DASH-04 Causes des echecs de connexion', query: loadTextContent('../queries/dash-04-login-failures.kql'), window: 'P7D', chart: 'AnalyticsGrid', kind: '' }
  { title: 'DASH-04 Refus d\'acces', query: loadTextContent('../queries/dash-04-access-denied.kql'), window: 'P7D', chart: 'AnalyticsGrid', kind: '' }
  { title: 'DASH-04 Recherches de pseudonymes', query: loadTextContent('../queries/dash-04-lookups.kql'), window: 'P30D', chart: 'AnalyticsGrid', kind: '' }
  { title: 'DASH-04 Parcours patient', query: loadTextContent('../queries/dash-04-journey.kql'), window: 'P30D', chart: 'AnalyticsGrid', kind: '' }
  { title: 'M1 Requetes, echecs et duree p95', query: loadTextContent('../queries/m1-requests.kql'), window: 'P1D', chart: 'FrameControlChart', kind: 'Line' }
  { title: 'M1 Exceptions', query: loadTextContent('../queries/m1-exceptions.kql'), window: 'P1D', chart: 'AnalyticsGrid', kind: '' }
  { title: 'M1 Dependances (PostgreSQL, HTTP)', query: loadTextContent('../queries/m1-dependencies.kql'), window: 'P1D', chart: 'AnalyticsGrid', kind: '' }
]

resource dashboard 'Microsoft.Portal/dashboards@2020-09-01-preview' = {
  name: 'medicapp-monitoring'
  location: location
  tags: {
    'hidden-title': 'medicapp-monitoring-dashboard'
  }
  properties: {
    lenses: [
      {
        order: 0
        parts: [
          for (tile, i) in tiles: {
            position: {
              x: (i % 2) * 6
              y: (i / 2) * 4
              colSpan: 6
              rowSpan: 4
            }
            metadata: {
              type: 'Extension/Microsoft_OperationsManagementSuite_Workspace/PartType/LogsDashboardPart'
              inputs: [
                {
                  name: 'Scope'
                  value: {
                    resourceIds: [
                      applicationInsightsId
                    ]
                  }
                  isOptional: true
                }
                {
                  name: 'PartId'
                  value: guid(applicationInsightsId, tile.title)
                  isOptional: true
                }
                {
                  name: 'Version'
                  value: '2.0'
                  isOptional: true
                }
                {
                  name: 'TimeRange'
                  value: tile.window
                  isOptional: true
                }
                {
                  name: 'Query'
                  value: tile.query
                  isOptional: true
                }
                {
                  name: 'ControlType'
                  value: tile.chart
                  isOptional: true
                }
                {
                  name: 'SpecificChart'
                  value: tile.kind
                  isOptional: true
                }
                {
                  name: 'PartTitle'
                  value: tile.title
                  isOptional: true
                }
                {
                  name: 'IsQueryContainTimeRange'
                  value: true
                  isOptional: true
                }
              ]
              settings: {}
            }
          }
        ]
      }
    ]
    metadata: {
      model: {
        timeRange: {
          value: {
            relative: {
              duration: 24
              timeUnit: 1
            }
          }
          type: 'MsPortalFx.Composition.Configuration.ValueTypes.TimeRange'
        }
      }
    }
  }
}

output name string = dashboard.name
output title string = dashboard.tags['hidden-title']
