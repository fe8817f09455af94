// MON-02 to MON-06: metric alerts on the App Service, its plan, Application Insights and PostgreSQL.
// Thresholds and their reasons: docs/MONITORING.md.
@description('Resource id of the App Service (Microsoft.Web/sites).')
param appServiceId string

@description('Resource id of the App Service plan (Microsoft.Web/serverfarms).')
param appServicePlanId string

@description('Resource id of the Application Insights component.')
param applicationInsightsId string

@description('Resource id of the PostgreSQL flexible server.')
param postgreSqlServerId string

@description('Resource id of the action group to notify.')
param actionGroupId string

@description('Share of the PostgreSQL server\'s max_connections, in percent, above which MON-06 fires.')
@minValue(1)
@maxValue(100)
param dbConnectionsPercent int = 80

// max_connections depends on the server's tier (50 on B1ms, 859 on D2s_v3) and may be raised: the threshold is read
// from the server's own setting at deployment, not written here.
resource maxConnections 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2022-12-01' existing = {
  name: '${last(split(postgreSqlServerId, '/'))}/max_connections'
  scope: resourceGroup(split(postgreSqlServerId, '/')[2], split(postgreSqlServerId, '/')[4])
}

var dbConnectionsThreshold = int(maxConnections.properties.value) * dbConnectionsPercent / 100

var alerts = [
  {
    name: 'MedicApp - Erreurs 5xx'
    description: 'MON-02: the API answered more than 10 server errors (HTTP 5xx) in 5 minutes.'
    scope: appServiceId
    namespace: 'Microsoft.Web/sites'
    metric: 'Http5xx'
    aggregation: 'Total'
    threshold: 10
    severity: 1
    window: 'PT5M'
  }
  {
    name: 'MedicApp - Temps de reponse degrade'
    description: 'MON-03: the API took more than 2 seconds on average to answer over 15 minutes.'
    scope: appServiceId
    namespace: 'Microsoft.Web/sites'
    metric: 'HttpResponseTime'
    aggregation: 'Average'
    threshold: 2
    severity: 2
    window: 'PT15M'
  }
  {
    name: 'MedicApp - Exceptions backend'
    description: 'MON-04: the backend reported more than 5 exceptions in 5 minutes.'
    scope: applicationInsightsId
    namespace: 'Microsoft.Insights/components'
    metric: 'exceptions/count'
    aggregation: 'Count'
    threshold: 5
    severity: 2
    window: 'PT5M'
  }
  {
    name: 'MedicApp - CPU eleve'
    description: 'MON-05: the App Service plan used more than 80 % CPU on average over 15 minutes.'
    scope: appServicePlanId
    namespace: 'Microsoft.Web/serverfarms'
    metric: 'CpuPercentage'
    aggregation: 'Average'
    threshold: 80
    severity: 2
    window: 'PT15M'
  }
  {
    name: 'MedicApp - Memoire elevee'
    description: 'MON-05: the App Service plan used more than 85 % of its memory on average over 15 minutes.'
    scope: appServicePlanId
    namespace: 'Microsoft.Web/serverfarms'
    metric: 'MemoryPercentage'
    aggregation: 'Average'
    threshold: 85
    severity: 2
    window: 'PT15M'
  }
  {
    name: 'MedicApp - Stockage DB eleve'
    description: 'MON-06: PostgreSQL used more than 85 % of its storage.'
    scope: postgreSqlServerId
    namespace: 'Microsoft.DBforPostgreSQL/flexibleServers'
    metric: 'storage_percent'
    aggregation: 'Average'
    threshold: 85
    severity: 1
    window: 'PT1H'
  }
]

resource metricAlerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [
  for alert in alerts: {
    name: alert.name
    location: 'global'
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        alert.scope
      ]
      evaluationFrequency: 'PT5M'
      windowSize: alert.window
      targetResourceType: alert.namespace
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: alert.metric
            metricNamespace: alert.namespace
            metricName: alert.metric
            operator: 'GreaterThan'
            threshold: alert.threshold
            timeAggregation: alert.aggregation
          }
        ]
      }
      autoMitigate: true
      actions: [
        {
          actionGroupId: actionGroupId
        }
      ]
    }
  }
]

// MON-06 connections: out of the loop, its threshold being known only once the server answers.
resource dbConnections 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'MedicApp - Connexions DB elevees'
  location: 'global'
  properties: {
    description: 'MON-06: PostgreSQL held more than ${dbConnectionsPercent} % of its max_connections over 15 minutes.'
    severity: 2
    enabled: true
    scopes: [
      postgreSqlServerId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    targetResourceType: 'Microsoft.DBforPostgreSQL/flexibleServers'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'active_connections'
          metricNamespace: 'Microsoft.DBforPostgreSQL/flexibleServers'
          metricName: 'active_connections'
          operator: 'GreaterThan'
          threshold: dbConnectionsThreshold
          timeAggregation: 'Maximum'
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroupId
      }
    ]
  }
}

var loopNames = [for (alert, i) in alerts: alert.name]

output names array = concat(loopNames, [dbConnections.name])
