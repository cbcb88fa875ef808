// Passkeys: an enhancement. The forms work without this script; with it, and a browser that supports WebAuthn,
// the passkey buttons appear. The script asks the server for options, asks the browser for a credential, puts the
// credential's JSON in the form's hidden field and submits the form.
const supported = typeof window.PublicKeyCredential !== 'undefined'
  && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
  && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

async function fetchOptions(url, form) {
  const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  const response = await fetch(url, { method: 'POST', headers: { RequestVerificationToken: token }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`The server refused (${response.status})`);
  }
  return response.json();
}

function showError(form, message) {
  const error = form.querySelector('[data-passkey-error]');
  if (error) {
    error.textContent = message;
    error.hidden = false;
  }
}

for (const form of document.querySelectorAll('form[data-passkey]')) {
  const button = form.querySelector('[data-passkey-button]');
  if (!supported || !button) {
    continue;
  }
  form.hidden = false;
  button.addEventListener('click', async (event) => {
    event.preventDefault();
    try {
      let credential;
      if (form.dataset.passkey === 'create') {
        const options = await fetchOptions('/account/passkeys/creation-options', form);
        credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
      } else {
        const options = await fetchOptions('/sign-in/passkey/request-options', form);
        credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      }
      form.querySelector('input[name="CredentialJson"]').value = JSON.stringify(credential);
      form.submit();
    } catch (error) {
      showError(form, error && error.name === 'NotAllowedError'
        ? 'The passkey request was cancelled or timed out. Try again.'
        : 'Your browser could not use a passkey here. Try again, or use your password and authenticator app.');
    }
  });
}
