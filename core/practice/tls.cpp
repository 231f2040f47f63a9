// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/tls.h"

#include "common/error.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

template<auto fn>
struct Free
{
    template<typename T>
    void operator()(T *p) const { fn(p); }
};
using Bio = std::unique_ptr<BIO, Free<BIO_free_all>>;
using Key = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Free<X509_free>>;

[[noreturn]] void bad(const QString &why)
{
    throw Error(ErrorKind::Io, u"practice CA"_s, why);
}

Bio memoryOf(const void *data, std::size_t size)
{
    return Bio(BIO_new_mem_buf(data, static_cast<int>(size)));
}

Cert readCertificate(const QByteArray &pem)
{
    Bio bio = memoryOf(pem.constData(), static_cast<std::size_t>(pem.size()));
    Cert cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!cert)
        bad(u"the CA file is not a PEM certificate"_s);
    return cert;
}

Key readKey(const SecretBuffer &pem, const SecretBuffer *password = nullptr)
{
    Bio bio = memoryOf(pem.data(), pem.size());
    if (!bio)
        return Key();
    // With a password the callback-less form takes it as a NUL-terminated string; without one, a
    // callback that gives none, so an encrypted key is refused instead of asked for on a terminal.
    if (password)
        return Key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<unsigned char *>(password->data())));
    return Key(PEM_read_bio_PrivateKey(bio.get(), nullptr, [](char *, int, int, void *) { return 0; }, nullptr));
}

// What a memory BIO holds, into guarded memory, the BIO's copy wiped.
SecretBuffer drainSecret(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    SecretBuffer out = SecretBuffer::copyOf(std::span(reinterpret_cast<const unsigned char *>(data), static_cast<std::size_t>(n)));
    wipeMemory(data, static_cast<std::size_t>(n));
    return out;
}

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return {data, static_cast<qsizetype>(n)};
}

// A password as the NUL-terminated string OpenSSL's PEM functions take.
SecretBuffer cString(const SecretBuffer &password)
{
    SecretBuffer out(password.size() + 1);
    std::copy(password.data(), password.data() + password.size(), out.data());
    out.data()[password.size()] = 0;
    return out;
}

} // namespace

IssuedCertificate issueClientCertificate(const QByteArray &caCertificatePem, const SecretBuffer &caKeyPem,
                                         const QString &commonName)
{
    const Cert ca = readCertificate(caCertificatePem);
    const Key caKey = readKey(caKeyPem);
    if (!caKey)
        bad(u"the CA key is not a PEM private key"_s);
    if (X509_check_private_key(ca.get(), caKey.get()) != 1)
        bad(u"the CA key does not belong to the CA certificate"_s);

    Key key(EVP_EC_gen("P-256"));
    Cert cert(X509_new());
    if (!key || !cert)
        bad(u"a key could not be made"_s);
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        bad(u"no random serial number"_s);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -300);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * 825);
    X509_set_pubkey(cert.get(), key.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(X509_get_subject_name(cert.get()), "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), X509_get_subject_name(ca.get()));
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, ca.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto &[nid, value] : {std::pair{NID_basic_constraints, "critical,CA:FALSE"},
                                     std::pair{NID_key_usage, "critical,digitalSignature"},
                                     std::pair{NID_ext_key_usage, "clientAuth"}}) {
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
        if (!ext)
            bad(u"a certificate extension could not be made"_s);
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert.get(), caKey.get(), EVP_sha256()) <= 0)
        bad(u"the certificate could not be signed"_s);

    Bio certOut(BIO_new(BIO_s_mem())), keyOut(BIO_new(BIO_s_mem()));
    if (!certOut || !keyOut || PEM_write_bio_X509(certOut.get(), cert.get()) != 1
        || PEM_write_bio_PKCS8PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        bad(u"the certificate could not be written"_s);
    return {drain(certOut.get()), drainSecret(keyOut.get())};
}

bool keyMatchesCertificate(const QByteArray &certificatePem, const SecretBuffer &keyPem)
{
    const Cert cert = readCertificate(certificatePem);
    const Key key = readKey(keyPem);
    if (!key)
        bad(u"the CA key is not a PEM private key"_s);
    return X509_check_private_key(cert.get(), key.get()) == 1;
}

QByteArray certificateFingerprint(const QByteArray &certificatePem)
{
    // libpq trusts every certificate in the file: a second one appended would pass verify-full
    // while the pin (of the first) still held.
    if (certificatePem.count("-----BEGIN ") != 1)
        bad(u"the CA file must hold exactly one certificate"_s);
    const Cert cert = readCertificate(certificatePem);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (X509_digest(cert.get(), EVP_sha256(), digest, &n) != 1)
        bad(u"the CA certificate could not be hashed"_s);
    return {reinterpret_cast<const char *>(digest), static_cast<qsizetype>(n)};
}

QByteArray encryptKeyPem(const SecretBuffer &keyPem, const SecretBuffer &password)
{
    const Key key = readKey(keyPem);
    if (!key)
        bad(u"a private key could not be read"_s);
    SecretBuffer pass = cString(password);
    Bio out(BIO_new(BIO_s_mem()));
    if (!out
        || PEM_write_bio_PKCS8PrivateKey(out.get(), key.get(), EVP_aes_256_cbc(), nullptr, 0, nullptr, pass.data()) != 1)
        bad(u"a private key could not be encrypted"_s);
    return drain(out.get());
}

SecretBuffer decryptKeyPem(const QByteArray &encryptedPem, const SecretBuffer &password)
{
    SecretBuffer pass = cString(password);
    const SecretBuffer in = SecretBuffer::copyOf(std::string_view(encryptedPem.constData(), static_cast<std::size_t>(encryptedPem.size())));
    const Key key = readKey(in, &pass);
    if (!key)
        return {};
    Bio out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_PKCS8PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return drainSecret(out.get());
}

} // namespace uc::practice
