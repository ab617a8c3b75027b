// The login page (index.html): log in or create an account, then go to the game page. The forms
// are real <form>s so that password managers fill and save them; JavaScript submits them with
// fetch, so the page does not reload and the server's errors appear next to the form.
import { Auth, SHIP_CLASSES, describeError } from './auth.js';

const PLAY_PAGE = 'play.html';

const auth = new Auth();

// Shows or hides a form's error line.
function showError(form, text) {
  const line = form.querySelector('.form-error');
  line.textContent = text;
  line.hidden = text === '';
}

// Keeps the submit button disabled for `seconds` (the server's Retry-After), counting down.
function holdSubmit(button, seconds, label) {
  let left = seconds;
  const tick = () => {
    if (left <= 0) {
      button.disabled = false;
      button.textContent = label;
      return;
    }
    button.disabled = true;
    button.textContent = `Try again in ${left} s`;
    left -= 1;
    setTimeout(tick, 1000);
  };
  tick();
}

// Submits `form` through `call` (which resolves to the session), with the busy state while the
// server works and the error (if any) shown under the form.
function handleSubmit(form, busyLabel, call, focusFor) {
  const button = form.querySelector('button[type="submit"]');
  const label = button.textContent;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true' || button.disabled) return;
    showError(form, '');
    form.setAttribute('aria-busy', 'true');
    button.disabled = true;
    button.textContent = busyLabel;
    try {
      await call(new FormData(form));
      button.textContent = 'Starting the game...';
      window.location.assign(PLAY_PAGE);
      return;
    } catch (error) {
      showError(form, describeError(error));
      form.setAttribute('aria-busy', 'false');
      button.disabled = false;
      button.textContent = label;
      if (error.retryAfterS > 0) holdSubmit(button, error.retryAfterS, label);
      const field = focusFor(error.code);
      if (field) {
        field.focus();
        field.select();
      }
    }
  });
}

function fillShipClasses(fieldset) {
  SHIP_CLASSES.forEach((shipClass, index) => {
    const label = document.createElement('label');
    label.className = 'ship-class';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'ship_class';
    input.id = `ship-class-${shipClass.id}`;
    input.value = shipClass.id;
    input.checked = index === 0;
    const name = document.createElement('span');
    name.className = 'ship-name';
    name.textContent = shipClass.name;
    const description = document.createElement('span');
    description.className = 'ship-description';
    description.textContent = shipClass.description;
    label.append(input, name, description);
    fieldset.append(label);
  });
}

// The two forms share the page; the tab buttons (and #register in the address) pick one.
function setUpTabs() {
  const tabs = [
    [document.getElementById('tab-login'), document.getElementById('login-form')],
    [document.getElementById('tab-register'), document.getElementById('register-form')],
  ];
  const select = (chosen) => {
    for (const [tab, form] of tabs) {
      const on = tab === chosen;
      tab.setAttribute('aria-selected', String(on));
      form.hidden = !on;
    }
    const [registerTab] = tabs[1];
    const hash = chosen === registerTab ? '#register' : '';
    history.replaceState(null, '', location.pathname + location.search + hash);
    tabs.find(([tab]) => tab === chosen)[1].querySelector('input').focus();
  };
  for (const [tab] of tabs) tab.addEventListener('click', () => select(tab));
  if (location.hash === '#register') select(tabs[1][0]);
}

function showReason() {
  const params = new URLSearchParams(location.search);
  const reason = params.get('reason');
  if (!reason) return;
  const notice = document.getElementById('notice');
  notice.textContent = reason;
  notice.hidden = false;
  // Shown once: a reload should not repeat an old reason.
  history.replaceState(null, '', location.pathname + location.hash);
}

function main() {
  if (auth.session() !== null) {
    window.location.replace(PLAY_PAGE);
    return;
  }
  showReason();
  fillShipClasses(document.getElementById('ship-classes'));
  setUpTabs();

  const loginForm = document.getElementById('login-form');
  handleSubmit(loginForm, 'Logging in...',
               (data) => auth.login(data.get('username'), data.get('password')),
               (code) => (code === 'E020' ? loginForm.elements.password : null));

  const registerForm = document.getElementById('register-form');
  handleSubmit(registerForm, 'Creating the account...',
               (data) => auth.register(data.get('username'), data.get('password'),
                                       data.get('ship_class')),
               (code) => (code === 'E019' ? registerForm.elements.username : null));
  if (!loginForm.hidden) loginForm.elements.username.focus();
}

main();
