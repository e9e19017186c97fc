// A mocha reporter for `npm test`: the spec reporter on the console (what a
// person reads), and mocha's own JSON reporter into the file given as
// `--reporter-option output=<file>` (what scripts/test.mjs counts). Mocha runs
// one reporter per run; this one is both.
'use strict';
const Mocha = require('mocha');

class SpecAndJson extends Mocha.reporters.Spec {
  constructor(runner, options = {}) {
    super(runner, options);
    const output = (options.reporterOption ?? options.reporterOptions ?? {}).output;
    if (output) new Mocha.reporters.JSON(runner, { ...options, reporterOption: { output } });
  }
}

module.exports = SpecAndJson;
