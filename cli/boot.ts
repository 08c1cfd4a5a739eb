// `pagoda boot [--mem MiB] [--init PATH]`: boots the kernel on the user's terminal (cli/console-host.ts).
export { main } from './console-host.js';
