/** Issue 14 §6: the plan and apply tables never crash on size (Math.max(...rows) overflowed the stack). */
import { renderTable } from '../../lib/roster/text-table';

it('renders 200,000 rows, widths counting kanji as two columns', () => {
  const rows = Array.from({ length: 200_000 }, (_, i) => [`user${i}`, i === 7 ? 'LGWAN接続系' : 'x']);
  const text = renderTable(['user', 'tier'], rows);
  const lines = text.split('\n');
  expect(lines).toHaveLength(200_003);
  expect(lines[1]).toBe('----------  -----------'); // "user199999" = 10; LGWAN接続系 = 5 + 3×2 = 11
});
