-- Webhook secrets are stored encrypted (AES-GCM, see SecretCipher): nonce, ciphertext and
-- tag in base64 take more room than the plain secret did.
alter table webhook_endpoint alter column secret type varchar(300);
alter table webhook_endpoint alter column previous_secret type varchar(300);
