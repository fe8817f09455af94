// M4: ALERT-01 to ALERT-06, log alerts on the business events of the catalogue (customEvents) and on requests, and the
// heartbeat of the internal jobs.
// Each query is a file of infra/queries, checked in the build by tools/kql-check. A query returns what the rule
// measures (its measure column, or its rows when it has none); the threshold lives in the rule, next to its window, so
// docs/MONITORING.md's alert table and the build read them in one place. The rules query with their own managed
// identity, granted Monitoring Reader on the component.
@description('Resource id of the Application Insights component, in any resource group of the subscription.')
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
    window: 'PT1H'
    measure: 'registrations'
    operator: 'GreaterThan'
    threshold: 0
    stateful: false
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
    window: 'PT1H'
    measure: ''
    operator: 'GreaterThan'
    threshold: 0
    stateful: false
    dimensions: []
  }
  {
    name: 'MedicApp - ALERT-03 Fin delai de reflexion'
    description: 'ALERT-03: a reflection period ended (reflection_period_ended, from GET /internal/check-reflection-period); the procedure can be booked.'
    query: loadTextContent('../queries/alert-03-reflection-period-ended.kql')
    severity: 3
    frequency: 'PT1H'
    window: 'PT2H'
    measure: ''
    operator: 'GreaterThan'
    threshold: 0
    stateful: false
    dimensions: []
  }
  {
    name: 'MedicApp - ALERT-04 Taux erreur anormal'
    description: 'ALERT-04: more than 5 % of at least 20 real requests (health probes and jobs aside) answered a server error (5xx) over 15 minutes.'
    query: loadTextContent('../queries/alert-04-error-rate.kql')
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    measure: 'failureRate'
    operator: 'GreaterThan'
    threshold: json('0.05')
    stateful: true
    dimensions: []
  }
  {
    name: 'MedicApp - ALERT-05 Brute-force compte'
    description: 'ALERT-05: 10 or more failed passwords or codes on one account (pseudonymized) in 15 minutes.'
    query: loadTextContent('../queries/alert-05-brute-force-account.kql')
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    measure: 'failures'
    operator: 'GreaterThanOrEqual'
    threshold: 10
    stateful: true
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
    measure: 'failures'
    operator: 'GreaterThanOrEqual'
    threshold: 20
    stateful: true
    dimensions: [
      'clientIp'
    ]
  }
  {
    name: 'MedicApp - ALERT-06 Parcours abandonne'
    description: 'ALERT-06: journeys reported abandoned (patient_journey_abandoned, from GET /internal/check-abandoned-journeys).'
    query: loadTextContent('../queries/alert-06-abandoned-journey.kql')
    severity: 3
    frequency: 'PT15M'
    window: 'PT1H'
    measure: 'abandoned'
    operator: 'GreaterThan'
    threshold: 0
    stateful: false
    dimensions: [
      'lastState'
    ]
  }
  {
    name: 'MedicApp - Job sans execution'
    description: 'An internal job (GET /internal/check-reflection-period or check-abandoned-journeys, both hourly) has not run to its end for 2 hours: ALERT-03 and ALERT-06 depend on it.'
    query: loadTextContent('../queries/job-heartbeat.kql')
    severity: 2
    frequency: 'PT1H'
    window: 'PT2H'
    measure: 'runs'
    operator: 'LessThan'
    threshold: 1
    stateful: true
    dimensions: [
      'job'
    ]
  }
]

// The rules' own identity: created and granted before them, so that their first evaluation can already query.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'medicapp-log-alerts'
  location: location
}

module canQuery 'monitoring-reader.bicep' = {
  name: 'medicapp-log-alerts-reader'
  scope: resourceGroup(split(applicationInsightsId, '/')[2], split(applicationInsightsId, '/')[4])
  params: {
    applicationInsightsName: last(split(applicationInsightsId, '/'))
    principalId: identity.properties.principalId
    assigneeResourceId: identity.id
  }
}

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in alerts: {
    name: alert.name
    location: location
    identity: {
      type: 'UserAssigned'
      userAssignedIdentities: {
        '${identity.id}': {}
      }
    }
    dependsOn: [
      canQuery
    ]
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
            // Without a measure column the rule counts the rows the query returns.
            timeAggregation: empty(alert.measure) ? 'Count' : 'Total'
            metricMeasureColumn: empty(alert.measure) ? null : alert.measure
            operator: alert.operator
            threshold: alert.threshold
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
      // Stateful rules fire once and resolve when the condition clears (per dimension value); stateless ones fire on
      // every evaluation that finds something, each finding being news (a registration, a signature).
      autoMitigate: alert.stateful
      actions: {
        actionGroups: [
          actionGroupId
        ]
      }
    }
  }
]

output names array = [for (alert, i) in alerts: logAlerts[i].name]
