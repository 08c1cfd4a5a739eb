// The shell and the programs of the boot image, driven through the console as a person would: typed lines,
// Ctrl-C, the screen read back through a headless xterm.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { System } from './system.js';

describe('the shell on the console', () => {
  let s: System;
  beforeAll(async () => {
    s = new System();
    await s.waitFor('pagoda:/$ ');
  }, 120_000);
  afterAll(async () => {
    if (!s) return;
    const end = await s.powerOff();
    expect(end.kind).toBe('power-off');
    expect(s.counters()).toEqual(s.session.bootCounters);
  });

  it('shows the boot log, the motd, then a prompt with the working directory', () => {
    const t = s.text();
    expect(t).toMatch(/^Pagoda .*RV32IMA/);
    expect(t).toContain('Welcome to Pagoda');
    expect(t).toMatch(/pagoda:\/\$ $/);
  });

  it('runs commands with arguments and quotes', async () => {
    expect(await s.run('echo hello   "big   world" \'$HOME\' $HOME')).toBe('hello big   world $HOME /home');
    expect(await s.run('uname -a')).toBe('Pagoda pagoda 0.1.0 #1 Pagoda riscv32');
  });

  it('runs pipelines of three programs', async () => {
    expect(await s.run('ls /bin | grep -n sh | wc -l')).toMatch(/^\s*1$/);
    expect(await s.run('echo one two three | wc -w')).toMatch(/^\s*3$/);
    expect(await s.run('cat /etc/motd | head -n 1 | grep -i WELCOME')).toContain('Welcome to Pagoda');
  });

  it('redirects output, appends, reads input and sends stderr to a file', async () => {
    expect(await s.run('echo first > /tmp/f; echo second >> /tmp/f; cat < /tmp/f')).toBe('first\nsecond');
    expect(await s.run('ls /nope 2> /tmp/err; cat /tmp/err')).toContain("ls: cannot access '/nope'");
    expect(await s.run('wc -l < /tmp/f')).toMatch(/^\s*2$/);
  });

  it('keeps $? and runs && and || by status', async () => {
    expect(await s.run('false; echo $?')).toBe('1');
    expect(await s.run('true && echo yes || echo no')).toBe('yes');
    expect(await s.run('false && echo yes || echo no')).toBe('no');
    expect(await s.run('nosuchprogram; echo $?')).toMatch(/^\S*sh: (\d+: )?nosuchprogram: not found\n127$/); /* dash's words */
  });

  it('exports variables to programs and changes directory', async () => {
    expect(await s.run('export GREETING=hi; env | grep GREETING')).toBe('GREETING=hi');
    await s.run('mkdir /home/me; cd /home/me');
    expect(s.lines().at(-1)).toMatch(/^pagoda:\/home\/me\$ ?$/);
    expect(await s.run('touch a b; ls')).toBe('a\nb');
    expect(await s.run('rm a b; ls; cd /')).toBe('');
  });

  it('interrupts an infinite loop with Ctrl-C and gets the prompt back', async () => {
    const before = s.prompts();
    s.type('spin\r');
    await new Promise((r) => setTimeout(r, 300));
    s.type('\x03');
    await s.waitFor(/pagoda:[^\n$]*\$ /, before + 1);
    expect(await s.run('echo $?')).toBe('130');
    const frames = s.counters().usedFrames;
    s.type('yes | head -n 2\r');
    await s.waitFor(/pagoda:[^\n$]*\$ /, before + 3);
    expect(s.counters().usedFrames).toBe(frames);
  });

  it('runs background jobs while the shell takes commands', async () => {
    const out = await s.run('sleep 1 &');
    expect(out).toMatch(/^\[1\] \d+$/); /* [job] pid, as bash */
    const pid = out.split(' ')[1];
    expect(await s.run('ps')).toMatch(new RegExp(`\\n\\s*${pid}\\s+1 S .* sleep 1`));
    await new Promise((r) => setTimeout(r, 1200));
    expect(await s.run('echo after')).toMatch(/^\[1\]\+  Done {20}sleep 1$/m);
  });

  it('reports a program killed by a signal like bash', async () => {
    const out = await s.run('mapdemo 30 & sleep 0.2; kill -9 $!; echo x');
    expect(out).toMatch(/^\[\d+\] \d+$/m);
    expect(out).toMatch(/^x$/m);
    expect(out).toMatch(/^\[\d+\]\+  Killed {18}mapdemo 30$/m);
    expect(await s.run('kill -SEGV 99999; echo $?')).toContain('No such process');
  });

  it('shows the mappings of a process that called malloc and mmap with pmap', async () => {
    const out = await s.run('mapdemo 20 &');
    const pid = out.match(/\[\d+\] (\d+)/)![1];
    await s.waitFor(`mapdemo pid ${pid}`);
    const pmap = await s.run(`pmap ${pid}`);
    expect(pmap).toMatch(new RegExp(`^${pid}:\\s+mapdemo 20`, "m"));
    expect(pmap).toMatch(/[0-9a-f]{8} +\d+K r-x-- \/bin\/mapdemo/);
    expect(pmap).toMatch(/\d+K rw--- \[heap\]/);
    expect(pmap).toMatch(/ 2048K rw--- \[ anon \]/);
    expect(pmap).toMatch(/K rw--- \[stack\]/);
    const maps = await s.run(`cat /proc/${pid}/maps`);
    const text = maps.split('\n').find((l) => l.includes('r-xp'))!;
    expect(text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8} r-xp 00000000 00:00 0 {10}\/bin\/mapdemo$/);
    expect(text.indexOf('/bin/mapdemo')).toBe(49);
    expect(maps).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8} rw-p 00000000 00:00 0 $/m);
    await s.run(`kill ${pid}`);
  });

  it('shows memory with free and the chunk map with chunks', async () => {
    expect(await s.run('free')).toMatch(/Mem: +65536 +\d+ +\d+/);
    const chunks = await s.run('chunks');
    expect(chunks).toMatch(/^physical memory/);
    expect(chunks).toMatch(/00000000  #/);
    expect(chunks).toContain('32 chunks');
    expect(await s.run('echo hi | hexdump -C')).toBe('00000000  68 69 0a                                          |hi.|\n00000003');
  });

  it('lists directories long (-l) and with dot entries (-a)', async () => {
    const long = await s.run('ls -l /etc');
    expect(long).toMatch(/^-rw-r--r-- +1 root root +\d+ motd$/m);
    expect(long).toMatch(/^-rw-r--r-- +1 root root +\d+ passwd$/m);
    expect(await s.run('ls -l /bin | grep " sh"')).toMatch(/^-rwxr-xr-x +1 root root +\d+ sh$/);
    expect(await s.run('ls -la /dev | grep console')).toMatch(/^crw-rw-rw- +1 root root +0 console$/);
    expect(await s.run('ls -a /dev')).toBe('.\n..\nconsole\nnull\ntty\nzero');
  });

  it('quits a program with Ctrl-\\ (SIGQUIT) and reports it', async () => {
    const before = s.prompts();
    s.type('spin\r');
    await new Promise((r) => setTimeout(r, 200));
    s.type('\x1c');
    await s.waitFor(/pagoda:[^\n$]*\$ /, before + 1);
    expect(s.text()).toContain('Quit (signal 3)');
    expect(await s.run('echo $?')).toBe('131');
  });
});
