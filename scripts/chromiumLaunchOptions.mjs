// How this project launches Debian's Chromium headless (Playwright tests, screenshots).
// The background-networking flags matter: Chromium's own connections are refused on a
// closed network, many at a time.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
