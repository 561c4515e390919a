#!/usr/bin/env node
// The slo-gate command. The CLI's bundle is in cli/ (see scripts/bundle.mjs).
import './cli/index.js';
