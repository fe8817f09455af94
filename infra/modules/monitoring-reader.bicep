// Lets a principal run queries on an Application Insights component, in the component's own resource group: a role
// assignment is deployed at the scope of the resource it applies to. Deploying it needs
// Microsoft.Authorization/roleAssignments/write there (Owner, User Access Administrator or Role Based Access Control
// Administrator): see docs/MONITORING.md.
@description('Name of the Application Insights component, in the resource group this module is deployed to.')
param applicationInsightsName string

@description('The principal that may query it (the weekly report\'s managed identity).')
param principalId string

@description('Resource id of what holds that identity: known before the deployment, it names the assignment.')
param assigneeResourceId string

// Monitoring Reader: enough to run queries on the component, nothing more.
var monitoringReaderRoleId = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource canQuery 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, assigneeResourceId, monitoringReaderRoleId)
  scope: applicationInsights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringReaderRoleId)
  }
}
