// Browser bundles, built from tsc's output in dist/. The machine bundle proves that the machine
// (and what it imports) needs nothing from Node; web/ (the xterm.js page) adds its own entry.
export default [
  {
    input: 'dist/machine/machine.js',
    output: { file: 'dist/browser/machine.js', format: 'es', sourcemap: false },
    onwarn(warning, warn) {
      // A Node import in a browser bundle is an error, not a warning.
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
      warn(warning);
    },
  },
];
