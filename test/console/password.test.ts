import { afterEach, describe, expect, it, vi as mock } from 'vitest';
import { api, ApiError, SESSION_ENDED } from '../../console/lib/api';
import { en } from '../../console/lib/i18n.en';
import { vi } from '../../console/lib/i18n.vi';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../../console/lib/password';
import { parseHash } from '../../console/lib/router';
import { format } from '../../protocol/i18n';

describe('new password checks', () => {
  it('accepts 8 characters that match and differ from the current password', () => {
    expect(newPasswordProblem('MotLan-123', 'mậtkhẩu8', 'mậtkhẩu8')).toBeNull();
  });
  it('names the first problem, in the order the form reads', () => {
    expect(newPasswordProblem('', 'mậtkhẩu8', 'mậtkhẩu8')).toBe('password.needCurrent');
    expect(newPasswordProblem('cũ', 'ngắn', 'ngắn')).toBe('password.tooShort');
    expect(newPasswordProblem('cũ', 'dài-đủ-8', 'dài-đủ-9')).toBe('password.mismatch');
    expect(newPasswordProblem('giữ-nguyên', 'giữ-nguyên', 'giữ-nguyên')).toBe('password.same');
  });
  it('counts characters like the server does, not UTF-16 units', () => {
    // 7 characters, 8 UTF-16 units: the server would refuse it as too short.
    const seven = 'abcdef😀';
    expect(seven.length).toBe(8);
    expect(newPasswordProblem('cũ', seven, seven)).toBe('password.tooShort');
    expect(newPasswordProblem('cũ', `${seven}g`, `${seven}g`)).toBeNull();
  });
  it('says the minimum in both languages', () => {
    expect(format(vi['password.tooShort'], { min: MIN_PASSWORD_LENGTH })).toBe('Mật khẩu mới phải có ít nhất 8 ký tự.');
    expect(format(en['password.tooShort'], { min: MIN_PASSWORD_LENGTH })).toBe('The new password must have at least 8 characters.');
  });
});

describe('routing with a one-time password', () => {
  it('sends every hash to the password screen until the password is changed', () => {
    for (const hash of ['', '#/floor', '#/admin/staff', '#/counter', '#/password']) expect(parseHash(hash, 'admin', true)).toEqual({ screen: 'password' });
    expect(parseHash('#/floor', 'admin', false)).toEqual({ screen: 'floor' });
  });
  it('lets every role open the password screen by itself', () => {
    for (const role of ['staff', 'director', 'admin'] as const) expect(parseHash('#/password', role)).toEqual({ screen: 'password' });
  });
});

describe('api: a wrong password is not an ended session', () => {
  afterEach(() => mock.unstubAllGlobals());

  async function refusal(code: string): Promise<{ error: unknown; ended: number }> {
    const target = new EventTarget();
    let ended = 0;
    target.addEventListener(SESSION_ENDED, () => ended++);
    mock.stubGlobal('window', target);
    mock.stubGlobal('fetch', async () => new Response(JSON.stringify({ code, message: 'từ máy chủ' }), { status: 401 }));
    const error = await api('/api/auth/password', { method: 'POST', body: {} }).catch((e: unknown) => e);
    return { error, ended };
  }

  it('keeps the session on INVALID_CREDENTIALS and passes the code on', async () => {
    const { error, ended } = await refusal('INVALID_CREDENTIALS');
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', message: 'từ máy chủ' });
    expect(ended).toBe(0);
  });
  it('still reports an ended session on UNAUTHENTICATED', async () => {
    const { ended } = await refusal('UNAUTHENTICATED');
    expect(ended).toBe(1);
  });
});
