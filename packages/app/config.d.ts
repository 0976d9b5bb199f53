export interface Config {
  app?: {
    signIn?: {
      /**
       * Sign-in choices on the sign-in page, in order: guest, github, oidc. Each needs its
       * provider configured under auth.providers. Default: [guest].
       * @visibility frontend
       */
      providers?: string[];
      /**
       * The button title of the OIDC provider, e.g. "Harbor Market SSO".
       * @visibility frontend
       */
      oidcTitle?: string;
    };
  };
}
