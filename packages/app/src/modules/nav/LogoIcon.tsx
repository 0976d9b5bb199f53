import { HarborMark } from './LogoFull';

/** The collapsed sidebar's logo. */
export const LogoIcon = () => <HarborMark size={28} />;
