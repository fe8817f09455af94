// An example of the parameters of one environment: copy it (prod.bicepparam), replace the placeholders, and deploy with
//   az deployment group create --resource-group rg-medicapp-prod --parameters infra/prod.bicepparam
// The internal jobs key is read from Key Vault at deployment: it never appears here, in the template or its outputs.
using 'main.bicep'

param applicationInsightsId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-medicapp-prod/providers/Microsoft.Insights/components/medicapp-prod-ai'
param appServiceId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-medicapp-prod/providers/Microsoft.Web/sites/medicapp-prod-api'
param appServicePlanId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-medicapp-prod/providers/Microsoft.Web/serverfarms/medicapp-prod-plan'
param postgreSqlServerId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-medicapp-prod/providers/Microsoft.DBforPostgreSQL/flexibleServers/medicapp-prod-db'
param alertEmail = 'alertes@medicapp.fr'
param apiBaseUrl = 'https://medicapp-prod-api.azurewebsites.net'
param internalJobsKey = az.getSecret('00000000-0000-0000-0000-000000000000', 'rg-medicapp-prod', 'kv-medicapp-prod', 'internal-jobs-key')
param dbConnectionsPercent = 80
