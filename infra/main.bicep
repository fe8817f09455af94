// MedicApp monitoring as code: M1 technical alerts, M3 dashboard and weekly report, M4 business alerts and the
// schedules of the internal jobs. Copy main.example.bicepparam to a file of the environment (prod.bicepparam), fill it
// in, then: az deployment group create --resource-group <rg> --parameters infra/prod.bicepparam (docs/MONITORING.md).
// Every query is a file of infra/queries, checked in the build against Microsoft's Kusto parser and the event catalogue.
targetScope = 'resourceGroup'

@description('Location of the log alerts, Logic Apps, dashboard and workbook.')
param location string = resourceGroup().location

@description('Resource id of the Application Insights component, in any resource group of the subscription.')
param applicationInsightsId string

@description('Resource id of the App Service that runs the API.')
param appServiceId string

@description('Resource id of the App Service plan.')
param appServicePlanId string

@description('Resource id of the PostgreSQL flexible server.')
param postgreSqlServerId string

@description('Email address that receives the alerts and the weekly report.')
param alertEmail string

@description('Base URL of the API the job schedules call, such as https://medicapp-api.azurewebsites.net.')
param apiBaseUrl string

@description('The INTERNAL_JOBS_KEY of the API; pass it from Key Vault (getSecret in a .bicepparam file), never in clear.')
@secure()
param internalJobsKey string

@description('Share of the PostgreSQL server\'s max_connections, in percent, above which MON-06 fires.')
@minValue(1)
@maxValue(100)
param dbConnectionsPercent int = 80

module actionGroup 'modules/action-group.bicep' = {
  name: 'medicapp-action-group'
  params: {
    alertEmail: alertEmail
  }
}

module technicalAlerts 'modules/technical-alerts.bicep' = {
  name: 'medicapp-technical-alerts'
  params: {
    appServiceId: appServiceId
    appServicePlanId: appServicePlanId
    applicationInsightsId: applicationInsightsId
    postgreSqlServerId: postgreSqlServerId
    actionGroupId: actionGroup.outputs.id
    dbConnectionsPercent: dbConnectionsPercent
  }
}

module businessAlerts 'modules/business-alerts.bicep' = {
  name: 'medicapp-business-alerts'
  params: {
    applicationInsightsId: applicationInsightsId
    location: location
    actionGroupId: actionGroup.outputs.id
  }
}

module jobSchedules 'modules/job-schedules.bicep' = {
  name: 'medicapp-job-schedules'
  params: {
    location: location
    apiBaseUrl: apiBaseUrl
    internalJobsKey: internalJobsKey
    actionGroupId: actionGroup.outputs.id
  }
}

module dashboard 'modules/dashboard.bicep' = {
  name: 'medicapp-dashboard'
  params: {
    location: location
    applicationInsightsId: applicationInsightsId
  }
}

module weeklyReport 'modules/weekly-report.bicep' = {
  name: 'medicapp-weekly-report'
  params: {
    location: location
    applicationInsightsId: applicationInsightsId
    recipients: alertEmail
    actionGroupId: actionGroup.outputs.id
  }
}

output actionGroupId string = actionGroup.outputs.id
output technicalAlerts array = technicalAlerts.outputs.names
output businessAlerts array = businessAlerts.outputs.names
output jobSchedules array = jobSchedules.outputs.names
output dashboardTitle string = dashboard.outputs.title
output weeklyReportWorkbookId string = weeklyReport.outputs.workbookId
