import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { StateFileError } from '../../../lib/local/durability/state-file.error';
import { LocalSwfBackend } from '../../../lib/local/swf-backend';

describe('SqliteJournal (the state file)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tsflow-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second service on a file another one holds, naming the file', async () => {
    const file = join(dir, 'state.db');
    const first = new LocalSwfBackend({ db: file });
    await first.dispatch('RegisterDomain', { name: 'd', workflowExecutionRetentionPeriodInDays: '1' });
    expect(() => new LocalSwfBackend({ db: file }))
      .to.throw(StateFileError)
      .with.property('message')
      .that.contains(file)
      .and.contains('held by another tsflow service');
    await first.close();
    const second = new LocalSwfBackend({ db: file });
    expect(await second.dispatch('DescribeDomain', { name: 'd' })).to.have.nested.property('domainInfo.name', 'd');
    await second.close();
  });

  it('says which path it cannot open when its folder does not exist', () => {
    const file = join(dir, 'missing', 'state.db');
    expect(() => new LocalSwfBackend({ db: file }))
      .to.throw(StateFileError)
      .with.property('message')
      .that.contains(file)
      .and.contains('check the path');
  });

  it('refuses a file that is not a SQLite database', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'these are not the tables you are looking for\n'.repeat(200));
    expect(() => new LocalSwfBackend({ db: file })).to.throw(StateFileError, file);
  });

  it('refuses a state file of another schema version instead of misreading it', () => {
    const file = join(dir, 'future.db');
    const db = new Database(file);
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)');
    db.prepare('INSERT INTO meta VALUES (?, ?)').run('schema', '99');
    db.close();
    expect(() => new LocalSwfBackend({ db: file }))
      .to.throw(StateFileError)
      .with.property('message')
      .that.contains('schema version 99');
  });
});
