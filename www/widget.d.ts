// `import 'envreport/widget'` defines <envreport-analyzer>.
export { EnvreportAnalyzer } from './envreport.js';
