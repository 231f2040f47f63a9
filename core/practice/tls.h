// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"

#include <QByteArray>
#include <QString>

// The practice CA's part on the administrator's machine (OpenSSL): issuing a member's client
// certificate (its CN is the member's PostgreSQL role), keeping private keys as encrypted PEM files,
// and the CA's fingerprint that invitations pin. Keys are EC P-256, as tools/practice-server makes
// the CA's and the server's.
namespace uc::practice {

struct IssuedCertificate
{
    QByteArray certificatePem;
    SecretBuffer keyPem; // unencrypted PKCS#8 PEM
};

// A new key and a client certificate for commonName, signed by the CA. Error(Io) when the CA
// certificate or key is not one, or they do not belong together.
[[nodiscard]] IssuedCertificate issueClientCertificate(const QByteArray &caCertificatePem, const SecretBuffer &caKeyPem,
                                                       const QString &commonName);
// Whether the PEM key belongs to the PEM certificate; Error(Io) when either is not one.
[[nodiscard]] bool keyMatchesCertificate(const QByteArray &certificatePem, const SecretBuffer &keyPem);
// SHA-256 of the certificate's DER form (32 bytes); Error(Io) when it is not a certificate.
[[nodiscard]] QByteArray certificateFingerprint(const QByteArray &certificatePem);
// A private key as encrypted PKCS#8 PEM (AES-256-CBC under password, scrypt), and back. decrypt
// gives an empty buffer when the password or the file is wrong.
[[nodiscard]] QByteArray encryptKeyPem(const SecretBuffer &keyPem, const SecretBuffer &password);
[[nodiscard]] SecretBuffer decryptKeyPem(const QByteArray &encryptedPem, const SecretBuffer &password);

} // namespace uc::practice
