module.exports = { ...require('../../jest.preset.js'), displayName: 'temporal-codec', rootDir: __dirname };
