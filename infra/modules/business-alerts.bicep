// M4: ALERT-01 to ALERT-06, log alerts on the business events of the catalogue (customEvents) and on requests.
// Each query is a file of infra/queries, checked in the build by tools/kql-check.
@description('Resource id of the Application Insights component.')
param applicationInsightsId string

@description('Location of the Application Insights component.')
param location string

@description('Resource id of the action group to notify.')
param actionGroupId string

var alerts = [
  {
    name: 'MedicApp - ALERT-01 Nouvelle inscription'
    description: 'ALERT-01: a patient registered (patient_registered), by channel.'
    query: loadTextContent('../queries/alert-01-new-registration.kql')
    severity: 4
    frequency: 'PT15M'
    window: 'PT15M'
    dimensions: [
      'channel'
    ]
  }
  {
    name: 'MedicApp - ALERT-02 Signatures completes'
    description: 'ALERT-02: a patient signed every document (signature_all_completed); the reflection period starts.'
    query: loadTextContent('../queries/alert-02-signatures-complete.kql')
    severity: 4
    frequency: 'PT15M'
    window: 'PT15M'
    dimensions: []
  }
  {
    name: 'MedicApp - ALERT-03 Fin delai de reflexion'
    description: 'ALERT-03: a reflection period ended (reflection_period_ended, from GET /internal/check-reflection-period); the procedure can be booked.'
    query: loadTextContent('../queries/alert-03-reflection-period-ended.kql')
    severity: 3
    frequency: 'PT1H'
    window: 'PT1H'
    dimensions: []
  }
  {
    name: 'MedicApp - ALERT-04 Taux erreur anormal'
    description: 'ALERT-04: more than 5 % of at least 20 requests failed over 15 minutes.'
    query: loadTextContent('../queries/alert-04-error-rate.kql')
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    dimensions: []
  }
  {
    name: 'MedicApp - ALERT-05 Brute-force compte'
    description: 'ALERT-05: 10 or more failed passwords or codes on one account (pseudonymized) in 15 minutes.'
    query: loadTextContent('../queries/alert-05-brute-force-account.kql')
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    dimensions: [
      'account'
    ]
  }
  {
    name: 'MedicApp - ALERT-05 Brute-force adresse IP'
    description: 'ALERT-05: 20 or more failed passwords or codes from one client address (pseudonymized) in 15 minutes.'
    query: loadTextContent('../queries/alert-05-brute-force-client-ip.kql')
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    dimensions: [
      'clientIp'
    ]
  }
  {
    name: 'MedicApp - ALERT-06 Parcours abandonne'
    description: 'ALERT-06: journeys reported abandoned (patient_journey_abandoned, from GET /internal/check-abandoned-journeys).'
    query: loadTextContent('../queries/alert-06-abandoned-journey.kql')
    severity: 3
    frequency: 'P1D'
    window: 'P1D'
    dimensions: [
      'lastState'
    ]
  }
]

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in alerts: {
    name: alert.name
    location: location
    properties: {
      displayName: alert.name
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        applicationInsightsId
      ]
      evaluationFrequency: alert.frequency
      windowSize: alert.window
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            dimensions: [
              for dimension in alert.dimensions: {
                name: dimension
                operator: 'Include'
                values: [
                  '*'
                ]
              }
            ]
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: false
      actions: {
        actionGroups: [
          actionGroupId
        ]
      }
    }
  }
]

output names array = [for (alert, i) in alerts: logAlerts[i].name]
