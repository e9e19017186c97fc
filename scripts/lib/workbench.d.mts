// Types for workbench.mjs, so the TypeScript end-to-end tests can use it.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export const ROOT: string;
export const CODE_SERVER_VERSION: string;
export const CHROMIUM: string;
export const BROWSER_ARGS: string[];
export interface Profile {
  userDataDir: string;
  extensionsDir: string;
}
export interface RunningCodeServer {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): void;
}
export function ensureSystemPackages(): void;
export function ensureCodeServer(): string;
export function prepareProfile(dir: string, settings?: Record<string, unknown>): Profile;
export function installVsix(vsix: string, profile: Profile): void;
export function startCodeServer(
  options: Profile & { workspace?: string; port?: number; locale?: string; log?: (text: string) => void },
): Promise<RunningCodeServer>;
export function launchBrowser(): Promise<Browser>;
export function packageExtension(): string;
export function installZhCnLanguagePack(profile: Profile): void;
