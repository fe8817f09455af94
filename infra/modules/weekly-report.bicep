// DASH-06: the weekly report. A workbook shows it at any time; a Logic App runs its queries every Monday at 08:00 Paris
// time and mails the result. Setup (the one-time consent of the Office 365 connection) and KQL:
// docs/DASH06_WEEKLY_REPORT_SETUP.md.
@description('Location of the workbook, the Logic App and its connection.')
param location string

@description('Resource id of the Application Insights component the report queries, in any resource group of the subscription.')
param applicationInsightsId string

@description('Who receives the report.')
param recipients string

@description('Resource id of the action group notified when a report run fails.')
param actionGroupId string

var businessQuery = loadTextContent('../queries/dash-06-weekly-business.kql')
var technicalQuery = loadTextContent('../queries/dash-06-weekly-technical.kql')

// The component may live in another resource group than the report: it is looked up where its id says.
resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: last(split(applicationInsightsId, '/'))
  scope: resourceGroup(split(applicationInsightsId, '/')[2], split(applicationInsightsId, '/')[4])
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(applicationInsights.id, 'medicapp-weekly-report')
  location: location
  kind: 'shared'
  properties: {
    displayName: 'MedicApp - Rapport hebdomadaire'
    category: 'workbook'
    sourceId: applicationInsights.id
    serializedData: string({
      version: 'Notebook/1.0'
      items: [
        {
          type: 1
          content: {
            json: '# MedicApp - Rapport hebdomadaire\nLa semaine écoulée (du lundi au dimanche), comparée à la précédente.'
          }
        }
        {
          type: 3
          content: {
            version: 'KqlItem/1.0'
            title: 'Evenements metier'
            query: businessQuery
            queryType: 0
            resourceType: 'microsoft.insights/components'
            size: 0
          }
        }
        {
          type: 3
          content: {
            version: 'KqlItem/1.0'
            title: 'Indicateurs techniques'
            query: technicalQuery
            queryType: 0
            resourceType: 'microsoft.insights/components'
            size: 0
          }
        }
      ]
      fallbackResourceIds: [
        applicationInsights.id
      ]
    })
  }
}

resource office365 'Microsoft.Web/connections@2016-06-01' = {
  name: 'medicapp-weekly-report-office365'
  location: location
  properties: {
    displayName: 'MedicApp weekly report'
    api: {
      id: subscriptionResourceId('Microsoft.Web/locations/managedApis', location, 'office365')
    }
  }
}

resource report 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'medicapp-weekly-report'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    state: 'Enabled'
    parameters: {
      '$connections': {
        value: {
          office365: {
            connectionId: office365.id
            connectionName: office365.name
            id: office365.properties.api.id
          }
        }
      }
    }
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      parameters: {
        '$connections': {
          type: 'Object'
          defaultValue: {}
        }
      }
      triggers: {
        everyMonday: {
          type: 'Recurrence'
          recurrence: {
            frequency: 'Week'
            interval: 1

            // A time zone applies only with a start time, written without an offset: 08:00 in Paris, not in UTC.
            timeZone: 'Romance Standard Time'
            startTime: '2026-01-05T00:00:00'
            schedule: {
              weekDays: [
                'Monday'
              ]
              hours: [
                8
              ]
              minutes: [
                0
              ]
            }
          }
        }
      }
      actions: {
        business: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://api.applicationinsights.io/v1/apps/${applicationInsights.properties.AppId}/query'
            body: {
              query: businessQuery
            }
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://api.applicationinsights.io'
            }
          }
        }
        technical: {
          type: 'Http'
          runAfter: {
            business: [
              'Succeeded'
            ]
          }
          inputs: {
            method: 'POST'
            uri: 'https://api.applicationinsights.io/v1/apps/${applicationInsights.properties.AppId}/query'
            body: {
              query: technicalQuery
            }
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: 'https://api.applicationinsights.io'
            }
          }
        }
        // The query API answers {tables: [{columns, rows}]}: each row becomes a line of an HTML table.
        businessRows: {
          type: 'Select'
          runAfter: {
            technical: [
              'Succeeded'
            ]
          }
          inputs: {
            from: '@body(\'business\')?[\'tables\']?[0]?[\'rows\']'
            select: {
              Evenement: '@item()[0]'
              'Semaine ecoulee': '@item()[1]'
              'Semaine precedente': '@item()[2]'
            }
          }
        }
        businessTable: {
          type: 'Table'
          runAfter: {
            businessRows: [
              'Succeeded'
            ]
          }
          inputs: {
            from: '@body(\'businessRows\')'
            format: 'HTML'
          }
        }
        technicalRows: {
          type: 'Select'
          runAfter: {
            businessTable: [
              'Succeeded'
            ]
          }
          inputs: {
            from: '@body(\'technical\')?[\'tables\']?[0]?[\'rows\']'
            select: {
              Requetes: '@item()[0]'
              'Taux d\'erreurs serveur': '@item()[1]'
              'Duree p95 (ms)': '@item()[2]'
              Exceptions: '@item()[3]'
            }
          }
        }
        technicalTable: {
          type: 'Table'
          runAfter: {
            technicalRows: [
              'Succeeded'
            ]
          }
          inputs: {
            from: '@body(\'technicalRows\')'
            format: 'HTML'
          }
        }
        mail: {
          type: 'ApiConnection'
          runAfter: {
            technicalTable: [
              'Succeeded'
            ]
          }
          inputs: {
            host: {
              connection: {
                name: '@parameters(\'$connections\')[\'office365\'][\'connectionId\']'
              }
            }
            method: 'post'
            path: '/v2/Mail'
            body: {
              To: recipients
              Subject: 'MedicApp - Rapport hebdomadaire'
              Body: '<h3>Evenements metier</h3>@{body(\'businessTable\')}<h3>Indicateurs techniques (semaine ecoulee)</h3>@{body(\'technicalTable\')}<p>Le rapport interactif : classeur "MedicApp - Rapport hebdomadaire" de la ressource Application Insights.</p>'
              Importance: 'Normal'
            }
          }
        }
      }
      outputs: {}
    }
  }
}

module canQuery 'monitoring-reader.bicep' = {
  name: 'medicapp-weekly-report-reader'
  scope: resourceGroup(split(applicationInsightsId, '/')[2], split(applicationInsightsId, '/')[4])
  params: {
    applicationInsightsName: applicationInsights.name
    principalId: report.identity.principalId
    assigneeResourceId: report.id
  }
}

// A run that fails (the Office 365 consent expired or was never given, the query refused) would silently stop the
// Monday mail: it alerts instead.
resource failedRuns 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'MedicApp - Rapport hebdomadaire en echec'
  location: 'global'
  properties: {
    description: 'A run of the weekly report (DASH-06) failed: open the run history of medicapp-weekly-report.'
    severity: 3
    enabled: true
    scopes: [
      report.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    targetResourceType: 'Microsoft.Logic/workflows'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'RunsFailed'
          metricNamespace: 'Microsoft.Logic/workflows'
          metricName: 'RunsFailed'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Total'
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

output workbookId string = workbook.id
output logicAppName string = report.name
