// MON-01: the email action group every alert notifies.
@description('Email address that receives the alerts.')
param alertEmail string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'medicapp-alerts-email'
  location: 'global'
  properties: {
    groupShortName: 'medicapp'
    enabled: true
    emailReceivers: [
      {
        name: 'medicapp-alerts-email'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

output id string = actionGroup.id
