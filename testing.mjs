import cjs from './testing.js'

export const { startEmulator } = cjs
export default cjs
