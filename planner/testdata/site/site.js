// Accounts live in this browser's localStorage: enough for a static test site.
const accounts = {
  load() { return JSON.parse(localStorage.getItem('accounts') || '{}'); },
  add(email, password) {
    const all = accounts.load();
    all[email] = password;
    localStorage.setItem('accounts', JSON.stringify(all));
  },
  check(email, password) { return accounts.load()[email] === password; },
};
