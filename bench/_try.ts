import { benchMemory } from './memory.js';
const r = await benchMemory({ quick: true }); console.log(r.targets, r.seconds);
