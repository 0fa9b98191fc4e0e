import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRevisionMemo } from './revision-memo.ts';

test('an answer is computed once per revision and question, and again after a write', async () => {
  let revision = 7;
  let computed = 0;
  const memo = createRevisionMemo<string>(async () => revision);
  const ask = (key: string) =>
    memo.get(key, async () => {
      computed++;
      return `${key}@${revision}`;
    });
  assert.equal(await ask('2018-02-24'), '2018-02-24@7');
  assert.equal(await ask('2018-02-24'), '2018-02-24@7');
  assert.equal(computed, 1);
  assert.equal(await ask('2017-09-15'), '2017-09-15@7');
  assert.equal(computed, 2);
  revision = 8;
  assert.equal(await ask('2018-02-24'), '2018-02-24@8');
  assert.equal(computed, 3);
});

test('concurrent first requests share one computation', async () => {
  let computed = 0;
  const memo = createRevisionMemo<number>(async () => 1);
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      memo.get('k', async () => {
        computed++;
        await new Promise((r) => setTimeout(r, 5));
        return 42;
      }),
    ),
  );
  assert.deepEqual(new Set(answers), new Set([42]));
  assert.equal(computed, 1);
});

test('a failed computation is not remembered', async () => {
  let attempts = 0;
  const memo = createRevisionMemo<number>(async () => 1);
  const compute = async () => {
    attempts++;
    if (attempts === 1) throw new Error('store unavailable');
    return 5;
  };
  await assert.rejects(memo.get('k', compute), /store unavailable/);
  assert.equal(await memo.get('k', compute), 5);
  assert.equal(attempts, 2);
});

test('the memo keeps at most its size, dropping the least recently used answer', async () => {
  const computed: string[] = [];
  const memo = createRevisionMemo<string>(async () => 1, 2);
  const ask = (key: string) =>
    memo.get(key, async () => {
      computed.push(key);
      return key;
    });
  await ask('a');
  await ask('b');
  await ask('a'); // a is now the most recent
  await ask('c'); // b goes
  await ask('a');
  await ask('b');
  assert.deepEqual(computed, ['a', 'b', 'c', 'b']);
});
