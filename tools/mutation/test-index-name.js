/** The test index's file name for the test set in MUTATION_TESTS: test-index.json for the engine's default set,
 * test-index-<hash>.json for a set given in MUTATION_TESTS (so runs over different sets can share the checkout). */
const crypto = require('crypto');

function testIndexName() {
  const set = (process.env.MUTATION_TESTS ?? '').trim();
  return set === '' ? 'test-index.json' : `test-index-${crypto.createHash('sha256').update(set).digest('hex').slice(0, 12)}.json`;
}

module.exports = { testIndexName };
