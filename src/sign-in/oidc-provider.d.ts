// oidc-provider ships no types (@types/oidc-provider is for older major versions): only the
// constructor is used, in openid-provider.ts, with its configuration checked by the tests.
declare module 'oidc-provider' {
  const Provider: new (issuer: string, configuration: object) => { callback(): (req: unknown, res: unknown) => void };
  export default Provider;
}
