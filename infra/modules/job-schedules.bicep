// ALERT-03 and ALERT-06 need their jobs run: a Logic App per job calls it every hour, with the internal key held as a
// SecureString workflow parameter (never shown in the definition, the run history or the outputs).
@description('Location of the Logic Apps.')
param location string

@description('Base URL of the API, such as https://medicapp-api.azurewebsites.net.')
param apiBaseUrl string

@description('The value of INTERNAL_JOBS_KEY on the API.')
@secure()
param internalJobsKey string

@description('Resource id of the action group notified when a job run fails.')
param actionGroupId string

var jobs = [
  {
    name: 'medicapp-job-reflection-period'
    path: '/internal/check-reflection-period'
    // Every hour: a reflection period is reported within the hour it ends.
    recurrence: {
      frequency: 'Hour'
      interval: 1
    }
  }
  {
    name: 'medicapp-job-abandoned-journeys'
    path: '/internal/check-abandoned-journeys'
    // Every hour: a journey is reported within the hour it crosses Journey:AbandonAfter, and the heartbeat alert can
    // tell a stopped job from a quiet one within two hours.
    recurrence: {
      frequency: 'Hour'
      interval: 1
    }
  }
]

resource workflows 'Microsoft.Logic/workflows@2019-05-01' = [
  for job in jobs: {
    name: job.name
    location: location
    properties: {
      state: 'Enabled'
      parameters: {
        internalJobsKey: {
          value: internalJobsKey
        }
      }
      definition: {
        '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
        contentVersion: '1.0.0.0'
        parameters: {
          internalJobsKey: {
            type: 'SecureString'
          }
        }
        triggers: {
          recurrence: {
            type: 'Recurrence'
            recurrence: job.recurrence
          }
        }
        // A call reports one batch of patients (InternalJobs:BatchSize) and answers {"processed":N,"more":bool} well
        // within the 120 s a Consumption Logic App waits for an HTTP action: the run calls again while more wait.
        actions: {
          untilDone: {
            type: 'Until'
            // Stops unless the answer says more wait: a refused or failed call ends the loop, and the run fails with it.
            expression: '@not(equals(body(\'runJob\')?[\'more\'], true))'
            limit: {
              count: 50
              timeout: 'PT1H'
            }
            actions: {
              runJob: {
                type: 'Http'
                inputs: {
                  method: 'GET'
                  uri: '${apiBaseUrl}${job.path}'
                  headers: {
                    'X-Internal-Key': '@parameters(\'internalJobsKey\')'
                  }
                  retryPolicy: {
                    type: 'exponential'
                    count: 4
                    interval: 'PT30S'
                  }
                }
                runtimeConfiguration: {
                  secureData: {
                    properties: [
                      'inputs'
                    ]
                  }
                }
              }
            }
          }
        }
        outputs: {}
      }
    }
  }
]

// A job that fails (401, 503, the API down) would silently stop ALERT-03 or ALERT-06: its failed runs alert instead.
resource failedRuns 'Microsoft.Insights/metricAlerts@2018-03-01' = [
  for (job, i) in jobs: {
    // Named after the Logic App whose runs it watches: Azure refuses '/' in a metric alert's name.
    name: 'MedicApp - Job en echec ${job.name}'
    location: 'global'
    properties: {
      description: 'A run of ${job.path} failed: ALERT-03 and ALERT-06 depend on it.'
      severity: 2
      enabled: true
      scopes: [
        workflows[i].id
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
]

output names array = [for (job, i) in jobs: workflows[i].name]
