// Starts salesforce-emulator as a real process for the jsforce suite, the way
// tests/support/emulatorprocess.cpp does: `--port 0`, then the URL from the first stdout line.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const kStartTimeoutMs = 60000;

export function emulatorPath() {
  const path = process.env.SALESFORCE_EMULATOR;
  if (!path) {
    throw new Error('SALESFORCE_EMULATOR must name the salesforce-emulator binary ' +
                    '(ctest sets it; see tests/emulator/CMakeLists.txt)');
  }
  return path;
}

export class Emulator {
  constructor(child, loginUrl, banner) {
    this.child = child;
    this.loginUrl = loginUrl; // where OAuth starts; REST lives at the token's instance_url
    this.banner = banner;
  }

  static async start(args = []) {
    const child = spawn(emulatorPath(), ['--port', '0', ...args],
                        { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    const banner = [];
    const firstLine = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the emulator did not start in time')),
                               kStartTimeoutMs);
      lines.on('line', (line) => {
        banner.push(line);
        if (banner.length === 1) {
          clearTimeout(timer);
          resolve(line);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the emulator exited with ${code} before listening`));
      });
      child.once('error', reject);
    });
    const line = await firstLine;
    const match = line.match(/listening on (http:\/\/\S+)/);
    if (!match) {
      child.kill('SIGTERM');
      throw new Error(`unexpected first line from the emulator: ${line}`);
    }
    return new Emulator(child, match[1].replace(/\/$/, ''), banner);
  }

  // The admin API (/__emulator/), which is not part of Salesforce: only for arranging a test.
  async admin(method, path, body) {
    const response = await fetch(`${this.loginUrl}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`admin ${method} ${path}: ${response.status} ${text}`);
    }
    return text ? JSON.parse(text) : null;
  }

  // SIGTERM, as a user's Ctrl+C: the emulator shuts down cleanly and exits 0 (under the
  // sanitizers a leak or an error makes that non-zero). Returns the exit code.
  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return this.child.exitCode;
    }
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const [code] = await exited;
    return code;
  }
}
