namespace Amplify.DataStore;

/// <summary>An AppSync authorization mode, as named in Amplify configuration files.</summary>
public enum AuthorizationType
{
    /// <summary><c>API_KEY</c>: the <c>x-api-key</c> header.</summary>
    ApiKey,

    /// <summary><c>AWS_IAM</c>: SigV4-signed requests.</summary>
    AwsIam,

    /// <summary><c>AMAZON_COGNITO_USER_POOLS</c>: a Cognito user pool token.</summary>
    AmazonCognitoUserPools,

    /// <summary><c>OPENID_CONNECT</c>: an OIDC token.</summary>
    OpenIdConnect,

    /// <summary><c>AWS_LAMBDA</c>: a token checked by a Lambda authorizer.</summary>
    AwsLambda,
}
