// The internal-error report of the toolchain commands lives with the drivers (toolchain/driver/); the fuzz
// tests read its format from here.
export { formatInternalError } from '../toolchain/driver/internal-error.js';
