// Preloaded (NODE_OPTIONS=--require) into the CDK app's process by `npm run bench -- inner-loop` for its
// breakdown rounds only (never the timed rounds): where the app's time goes, written as JSON to
// $BENCH_TIMINGS_FILE when the process exits. Plain JavaScript so it loads before any TypeScript hook.
//
//   load        top-level require()s of the app's entry module (TypeScript transpile or cache reads included)
//   transpile   of which: bin/register-ts.js's own time (transpiling or reading its cache)
//   construct   the app's code before app.synth(): configuration, constructs, lazy requires
//   synthesis   app.synth() less the validation plugins: templates, assets, manifest, validation report
//   validators  each validation plugin's validate(), by plugin name (the tier pack's report files apart)
//   reportFiles the tier pack's report files (rendering and writing, or writing them from the store)
//   xlsx        of which: waiting for the .xlsx workbooks (written by exceljs on a worker thread while the other
//               report files are rendered: lib/report/xlsx/render-workbook.ts)
//   exit        after app.synth() returns until the process exits
//   cpu         the same phases in CPU seconds of the app's process (user + system, every thread: the garbage
//               collector's helpers too), steadier than wall time on a loaded machine
// The CDK CLI runs in another process; the bench attributes the rest of the wall time to it.
'use strict';
// Only the app's main thread: a worker thread (the .xlsx writer) preloads this file too.
if (process.env.CDK_OUTDIR && process.env.BENCH_TIMINGS_FILE && require('worker_threads').isMainThread) {
  const fs = require('fs');
  const Module = require('module');
  const startedAt = performance.now(); // since the process started (performance.timeOrigin)
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t = { boot: startedAt, load: 0, construct: 0, synthesis: 0, exit: 0, validators: {}, reportFiles: 0, xlsx: 0 };
  const cpu = { start: cpuNow(), load: 0, validators: {}, reportFiles: 0 };
  let depth = 0;
  let loadedAt;
  let loadedCpu;
  let synthStart;
  let synthEnd;
  let synthStartCpu;
  let synthEndCpu;
  const originalLoad = Module._load;
  Module._load = function timedLoad(request, parent, isMain) {
    if (isMain || depth > 0 || synthStart !== undefined || (parent && parent.id !== '.' && !parent.filename?.endsWith(process.argv[1]))) {
      return originalLoad.apply(this, arguments);
    }
    // A top-level require of the entry module.
    const start = performance.now();
    const startCpu = cpuNow();
    depth++;
    try {
      return originalLoad.apply(this, arguments);
    } finally {
      depth--;
      t.load += performance.now() - start;
      cpu.load += cpuNow() - startCpu;
      loadedAt = performance.now();
      loadedCpu = cpuNow();
    }
  };

  const inValidator = [];
  function wrap(plugin) {
    if (!plugin || plugin.__benchTimed) return plugin;
    const validate = plugin.validate;
    plugin.validate = function timedValidate(...args) {
      const start = performance.now();
      const startCpu = cpuNow();
      inValidator.push(plugin.name);
      try {
        return validate.apply(this, args);
      } finally {
        inValidator.pop();
        if (inValidator.length === 0) {
          t.validators[plugin.name] = (t.validators[plugin.name] ?? 0) + performance.now() - start;
          cpu.validators[plugin.name] = (cpu.validators[plugin.name] ?? 0) + cpuNow() - startCpu;
        }
      }
    };
    Object.defineProperty(plugin, '__benchTimed', { value: true });
    return plugin;
  }

  // Hook aws-cdk-lib once its core is loaded by the app itself (loading it here would move its cost).
  let hooked = false;
  const afterLoad = Module._load;
  Module._load = function hookCdk(request, parent, isMain) {
    const exported = afterLoad.apply(this, arguments);
    if (!hooked && request === 'aws-cdk-lib' && exported && exported.App && exported.Stage) {
      hooked = true;
      const { App, Stage, CloudFormationValidatePlugin } = exported;
      const synth = App.prototype.synth;
      App.prototype.synth = function timedSynth(...args) {
        // The first call does the work; later ones (the App's own synth before exit) return the same assembly.
        if (synthStart !== undefined) return synth.apply(this, args);
        synthStart = performance.now();
        synthStartCpu = cpuNow();
        try {
          return synth.apply(this, args);
        } finally {
          synthEnd = performance.now();
          synthEndCpu = cpuNow();
        }
      };
      const descriptor = Object.getOwnPropertyDescriptor(Stage.prototype, '_validationPlugins');
      if (descriptor && descriptor.get) {
        Object.defineProperty(Stage.prototype, '_validationPlugins', { ...descriptor, get() { return descriptor.get.call(this).map(wrap); } });
      }
      // The CDK's default instance of its own validation is not among the registered plugins.
      const singleton = CloudFormationValidatePlugin._singletonInstance;
      CloudFormationValidatePlugin._singletonInstance = function timedSingleton() {
        return wrap(singleton.call(this));
      };
    }
    if (request.endsWith('write-synth-reports') && exported && typeof exported.writeSynthReports === 'function') {
      // Hand the tier pack a copy whose writeSynthReports is timed (compiled exports may be read-only getters).
      const write = exported.writeSynthReports;
      return {
        ...exported,
        writeSynthReports(...args) {
          const start = performance.now();
          const startCpu = cpuNow();
          try {
            return write.apply(this, args);
          } finally {
            t.reportFiles += performance.now() - start;
            cpu.reportFiles += cpuNow() - startCpu;
          }
        },
      };
    }
    if (request.endsWith('render-workbook') && exported && typeof exported.startWorkbooks === 'function') {
      const start = exported.startWorkbooks;
      return {
        ...exported,
        startWorkbooks(...args) {
          const pending = start.apply(this, args);
          return {
            ...pending,
            result() {
              const waited = performance.now();
              try {
                return pending.result();
              } finally {
                t.xlsx += performance.now() - waited;
              }
            },
          };
        },
      };
    }
    return exported;
  };

  process.on('exit', () => {
    const end = performance.now();
    const endCpu = cpuNow();
    const validation = Object.values(t.validators).reduce((a, b) => a + b, 0);
    if (synthStart !== undefined) {
      t.construct = synthStart - (loadedAt ?? startedAt);
      t.synthesis = synthEnd - synthStart - validation;
      t.exit = end - synthEnd;
      const validationCpu = Object.values(cpu.validators).reduce((a, b) => a + b, 0);
      // Before the first line of the app ran: node's start and the preloads (this file, the TypeScript hook).
      t.cpu = {
        boot: cpu.start,
        load: cpu.load,
        construct: synthStartCpu - (loadedCpu ?? cpu.start),
        synthesis: synthEndCpu - synthStartCpu - validationCpu,
        validators: cpu.validators,
        reportFiles: cpu.reportFiles,
        exit: endCpu - synthEndCpu,
        total: endCpu,
      };
    }
    t.total = end;
    t.transpile = globalThis.__closedTeleworkTs ? globalThis.__closedTeleworkTs.ms : 0;
    fs.writeFileSync(process.env.BENCH_TIMINGS_FILE, JSON.stringify(t));
  });
}
