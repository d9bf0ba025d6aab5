#!/usr/bin/env node
// Offline APL proof for Neck Twitch Check (driven by tests/apl and `neck-twitch simulate
// --screens`). Reads one JSON job per line on stdin and writes one JSON result per line.
//
//   node apl.js validate   {id, document, datasources}
//                          -> {id, findings: [...]}: apl-suggester's schema findings, its
//                             hidden ErrorController channel (unknown components, failed
//                             imports), and its findings on the datasources
//   node apl.js render     {id, document, datasources, viewport: {width, height, dpi, shape,
//                           mode}, png?: path, taps?: [component id, ...]}
//                          -> {id, errors: [...], events: [...], texts: [...], targets: {...}}
//                             rendered by apl-viewhost-web in headless Chromium: engine log
//                             warnings and errors, page errors, runtime errors, and any network
//                             request are errors; each tap is a real pointer click whose
//                             SendEvent is captured as it would reach the skill
//
// Chromium: $CHROMIUM, else /usr/bin/chromium. Nothing is fetched from the network: Amazon's
// fonts (which the viewhost asks its CDN for) are refused and local fonts stand in.
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');

const VIEWHOST = require.resolve('apl-viewhost-web');
// The viewhost ignores pointer events for about half a second after it creates a document.
const TAP_DELAY_MS = 700;
// Amazon Ember and Bookerly come from Amazon's font CDN; offline, local fonts stand in.
const FONT_HOST = /^https:\/\/[a-z0-9]+\.cloudfront\.net\/[\w-]+\.ttf$/;
// The viewhost's own notes about those fonts are not findings about the document.
const IGNORED_LOG = [/FontUtils:/, /^Failed to load resource: net::ERR_FAILED$/];

const PAGE = '<!doctype html><html><body style="margin:0;background:#000">' +
             '<div id="root"></div></body></html>';
// Amazon Ember and Bookerly are not on this machine: metric-compatible local fonts stand in,
// served in answer to the viewhost's requests for them (which never leave the machine).
const FONT_DIRS = ['/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype/dejavu'];
const STAND_INS = {
  sans: ['LiberationSans-Regular.ttf', 'DejaVuSans.ttf'],
  sansBold: ['LiberationSans-Bold.ttf', 'DejaVuSans-Bold.ttf'],
  sansItalic: ['LiberationSans-Italic.ttf', 'DejaVuSans-Oblique.ttf'],
  sansBoldItalic: ['LiberationSans-BoldItalic.ttf', 'DejaVuSans-BoldOblique.ttf'],
  serif: ['LiberationSerif-Regular.ttf', 'DejaVuSerif.ttf'],
  serifBold: ['LiberationSerif-Bold.ttf', 'DejaVuSerif-Bold.ttf'],
  serifItalic: ['LiberationSerif-Italic.ttf', 'DejaVuSerif-Italic.ttf'],
  serifBoldItalic: ['LiberationSerif-BoldItalic.ttf', 'DejaVuSerif-BoldItalic.ttf'],
};

function standIn(url) {
  const name = url.split('/').pop();
  const bold = /_(Md|Bd|He)\.ttf$|-(Medium|Bold)/.test(name);
  const italic = /Italic/.test(name);
  const family = name.startsWith('Bookerly') ? 'serif' : 'sans';
  const key = family + (bold ? 'Bold' : '') + (italic ? 'Italic' : '');
  for (const file of STAND_INS[key]) {
    for (const dir of FONT_DIRS) {
      const candidate = path.join(dir, file);
      if (fs.existsSync(candidate)) return fs.readFileSync(candidate);
    }
  }
  return null;
}

function lines() {
  return readline.createInterface({input: process.stdin, crlfDelay: Infinity});
}

function emit(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

async function validate() {
  const {StaticAplTemplateValidator, ErrorController} = require('apl-suggester');
  let hidden = [];
  const controller = ErrorController.getInstance();
  controller.registerErrors();
  controller.setErrorInterface({sendError: (error) => hidden.push(error)});
  // The validator notes which of its schemas has no mixin ("No mixin for component : Frame")
  // with console.warn; that is about its own tables, not the document. Keep stdout for results.
  const {log, warn} = console;
  for await (const line of lines()) {
    if (!line.trim()) continue;
    const job = JSON.parse(line);
    hidden = [];
    controller.clearExistingWarn();
    console.log = (...args) => process.stderr.write(args.join(' ') + '\n');
    console.warn = (...args) => {
      if (!/^No mixin for component : /.test(String(args[0]))) warn(...args);
    };
    let findings;
    try {
      const validator = new StaticAplTemplateValidator();
      const onDocument = await validator.validate(job.document);
      const onData = await validator.validateDataSources(job.datasources || {});
      findings = [
        ...onDocument.map((f) => ({channel: 'validator', ...f})),
        ...onData.map((f) => ({channel: 'datasources', ...f})),
        ...hidden.map((e) => ({channel: 'ErrorController', ...e})),
      ];
    } catch (error) {
      findings = [{channel: 'exception', errorMessage: String(error && error.stack || error)}];
    } finally {
      console.log = log;
      console.warn = warn;
    }
    emit({id: job.id, findings});
  }
}

async function render() {
  const puppeteer = require('puppeteer-core');
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    protocolTimeout: 60000,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--hide-scrollbars'],
  });
  try {
    const page = await browser.newPage();
    let errors = [];
    page.on('console', (message) => {
      const text = message.text();
      const type = message.type();
      if (IGNORED_LOG.some((re) => re.test(text))) return;
      // The engine logs "W Core: ..." / "E Core: ..." for what it cannot inflate or evaluate.
      if (type === 'warn' || type === 'warning' || type === 'error' || /^[WE] /.test(text)) {
        errors.push(`console ${type}: ${text}`);
      }
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('about:') || url.startsWith('blob:')) {
        request.continue();
        return;
      }
      const font = FONT_HOST.test(url) ? standIn(url) : null;
      if (font) {
        request.respond({status: 200, contentType: 'font/ttf', body: font,
                         headers: {'Access-Control-Allow-Origin': '*'}});
        return;
      }
      if (!FONT_HOST.test(url)) errors.push(`network request refused: ${url}`);
      request.abort();
    });
    await page.setContent(PAGE);
    await page.addScriptTag({path: VIEWHOST});
    await page.evaluate(async () => {
      // The engine may already be running when the bundle's script has finished.
      if (!(typeof Module !== 'undefined' && Module.calledRun)) await AplRenderer.initEngine();
    });
    for await (const line of lines()) {
      if (!line.trim()) continue;
      const job = JSON.parse(line);
      errors = [];
      const result = {id: job.id, errors, events: [], texts: [], targets: {}};
      try {
        await renderOne(page, job, result);
      } catch (error) {
        errors.push(`exception: ${error && error.stack || error}`);
      }
      result.errors = errors;
      emit(result);
    }
  } finally {
    await browser.close();
  }
}

async function renderOne(page, job, result) {
  const viewport = {shape: 'RECTANGLE', mode: 'HUB', dpi: 160, ...job.viewport};
  await page.setViewport({width: viewport.width, height: viewport.height});
  const report = await page.evaluate(async (documentJson, datasources, viewport) => {
    const root = document.getElementById('root');
    if (window.__renderer) {
      window.__renderer.destroy();
      window.__renderer = undefined;
    }
    root.innerHTML = '';
    root.style.width = `${viewport.width}px`;
    root.style.height = `${viewport.height}px`;
    root.style.overflow = 'hidden';
    root.style.position = 'relative';
    root.style.borderRadius = viewport.shape === 'ROUND' ? '50%' : '0';
    window.__events = [];
    window.__runtimeErrors = [];
    const content = AplRenderer.Content.create(documentJson);
    for (const [name, data] of Object.entries(datasources || {})) {
      content.addData(name, JSON.stringify(data));
    }
    if (content.isError()) return {contentError: true};
    const renderer = AplRenderer.default.create({
      content,
      view: root,
      environment: {agentName: 'neck-twitch-check-tests', agentVersion: '1.0', allowOpenUrl: false},
      viewport: {width: viewport.width, height: viewport.height, dpi: viewport.dpi,
                 shape: viewport.shape, mode: viewport.mode},
      theme: 'dark',
      utcTime: Date.now(),
      localTimeAdjustment: 0,
      onSendEvent: (event) => window.__events.push(event),
      onRunTimeError: (pending) => window.__runtimeErrors.push(JSON.stringify(pending)),
    });
    window.__renderer = renderer;
    await renderer.init();
    return {contentError: false};
  }, JSON.stringify(job.document), job.datasources, viewport);
  if (report.contentError) {
    result.errors.push('the viewhost could not read the document (Content.isError)');
    return;
  }
  // Let the first frames lay out and paint.
  await page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)));
  }));
  Object.assign(result, await measure(page, viewport));
  if (job.png) {
    fs.mkdirSync(path.dirname(job.png), {recursive: true});
    await page.screenshot({path: job.png, clip: {x: 0, y: 0, width: viewport.width,
                                                 height: viewport.height}});
    result.png = job.png;
  }
  const taps = job.taps || [];
  if (taps.length) await new Promise((resolve) => setTimeout(resolve, TAP_DELAY_MS));
  for (const target of taps) {
    const box = result.targets[target];
    if (!box) {
      result.errors.push(`no touch target ${target} on screen`);
      continue;
    }
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  }
  result.events = await page.evaluate(() => window.__events);
  const runtime = await page.evaluate(() => window.__runtimeErrors);
  for (const error of runtime) result.errors.push(`runtime error: ${error}`);
}

// Where each component with an id is, and every piece of text with its size in dp.
async function measure(page, viewport) {
  return page.evaluate((viewport) => {
    const scale = viewport.dpi / 160;
    const renderer = window.__renderer;
    const targets = {};
    for (const [id, component] of Object.entries(renderer.componentIdMap || {})) {
      const element = component && component.container;
      if (!element || !element.getBoundingClientRect) continue;
      const r = element.getBoundingClientRect();
      targets[id] = {x: r.x, y: r.y, width: r.width, height: r.height,
                     widthDp: r.width / scale, heightDp: r.height / scale};
    }
    const texts = [];
    const walker = document.createTreeWalker(document.getElementById('root'),
                                             NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text) continue;
      const element = node.parentElement;
      const style = getComputedStyle(element);
      const r = element.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      texts.push({text: text.slice(0, 80), fontSizeDp: parseFloat(style.fontSize) / scale,
                  color: style.color, x: r.x, y: r.y, width: r.width, height: r.height});
    }
    return {targets, texts};
  }, viewport);
}

const command = process.argv[2];
const commands = {validate, render};
if (!commands[command]) {
  process.stderr.write('usage: node apl.js validate|render < jobs.jsonl > results.jsonl\n');
  process.exit(2);
}
commands[command]().catch((error) => {
  process.stderr.write(`apl.js ${command}: ${error && error.stack || error}\n`);
  process.exit(1);
});
