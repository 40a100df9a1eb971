module.exports = { ...require('../../jest.preset.js'), displayName: 'dates', rootDir: __dirname };
