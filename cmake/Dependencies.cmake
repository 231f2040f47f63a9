# SPDX-License-Identifier: GPL-3.0-or-later
# Every external library the project uses, each found once here.
find_package(PkgConfig REQUIRED)

set(_uc_qt_components Core Concurrent Test)
# Reports (QPdfWriter, QTextDocument) need Qt Gui even when the GUI is not built (asan, fuzz).
list(APPEND _uc_qt_components Gui)
if(UC_BUILD_GUI)
  list(APPEND _uc_qt_components Gui Widgets Network Qml Quick QuickControls2 Charts QuickTest)
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS ${_uc_qt_components})

find_package(Boost 1.74 REQUIRED COMPONENTS date_time)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)

# The tagger's morphology: Snowball's English stemmer, and WordNet's lists of irregular forms
# (compiled into a table at build time by core/themes/themes.cmake).
find_path(STEMMER_INCLUDE_DIR libstemmer.h)
find_library(STEMMER_LIBRARY stemmer)
if(NOT STEMMER_INCLUDE_DIR OR NOT STEMMER_LIBRARY)
  message(FATAL_ERROR "libstemmer (Snowball) not found: install the Debian package 'libstemmer-dev' "
                      "(tools/setup installs it)")
endif()
add_library(uc_stemmer INTERFACE)
target_include_directories(uc_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(uc_stemmer INTERFACE ${STEMMER_LIBRARY})
set(UC_WORDNET_DIR /usr/share/wordnet CACHE PATH "Where WordNet's verb.exc, noun.exc and adj.exc are")
foreach(_uc_exc verb noun adj)
  if(NOT EXISTS ${UC_WORDNET_DIR}/${_uc_exc}.exc)
    message(FATAL_ERROR "WordNet's irregular-form list ${UC_WORDNET_DIR}/${_uc_exc}.exc is missing: install "
                        "the Debian package 'wordnet-base' (tools/setup installs it), or point "
                        "UC_WORDNET_DIR at a folder holding verb.exc, noun.exc and adj.exc")
  endif()
endforeach()

# SQLCipher's .pc file carries SQLite's version, not SQLCipher's, so the library itself is asked.
pkg_check_modules(SQLCIPHER IMPORTED_TARGET sqlcipher)
if(NOT SQLCIPHER_FOUND)
  message(FATAL_ERROR "SQLCipher not found: install the Debian package 'libsqlcipher-dev' "
                      "(>= 4.5; on bookworm from bookworm-backports, which tools/setup enables)")
endif()
if(NOT DEFINED UC_SQLCIPHER_VERSION)
  try_run(_uc_cipher_run _uc_cipher_compile
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sqlcipher_version.cpp
    LINK_LIBRARIES PkgConfig::SQLCIPHER
    COMPILE_OUTPUT_VARIABLE _uc_cipher_compile_out
    RUN_OUTPUT_VARIABLE _uc_cipher_version)
  string(STRIP "${_uc_cipher_version}" _uc_cipher_version)
  if(NOT _uc_cipher_compile OR NOT _uc_cipher_run EQUAL 0 OR _uc_cipher_version STREQUAL "")
    message(FATAL_ERROR "Could not read the SQLCipher version: install the Debian package "
                        "'libsqlcipher-dev' (>= 4.5).\n${_uc_cipher_compile_out}")
  endif()
  set(UC_SQLCIPHER_VERSION "${_uc_cipher_version}" CACHE INTERNAL "SQLCipher version linked")
endif()
string(REGEX MATCH "^[0-9]+\\.[0-9]+(\\.[0-9]+)?" _uc_cipher_numeric "${UC_SQLCIPHER_VERSION}")
if(_uc_cipher_numeric VERSION_LESS 4.5)
  unset(UC_SQLCIPHER_VERSION CACHE)
  message(FATAL_ERROR "SQLCipher ${_uc_cipher_numeric} is too old: Undercurrent needs >= 4.5 "
                      "(Debian package 'libsqlcipher-dev' from bookworm-backports)")
endif()
message(STATUS "SQLCipher ${UC_SQLCIPHER_VERSION}")

if(UC_BUILD_BENCH)
  find_package(benchmark QUIET)
  if(NOT benchmark_FOUND)
    message(STATUS "Google Benchmark not found (libbenchmark-dev): benchmarks are not built")
    set(UC_BUILD_BENCH OFF)
  endif()
  pkg_check_modules(HYPERSCAN QUIET IMPORTED_TARGET libhs)
endif()

# The practice server's client (core/practice, docs/practice.md): libpq and OpenSSL's libcrypto.
# Optional: without them the practice code and its tests are not built, and the rest is unchanged.
option(UC_PRACTICE "Build the practice server's client (needs libpq-dev and libssl-dev)" ON)
if(UC_PRACTICE)
  pkg_check_modules(LIBPQ QUIET IMPORTED_TARGET libpq)
  find_package(OpenSSL 3 QUIET COMPONENTS Crypto)
  if(LIBPQ_FOUND AND OpenSSL_FOUND)
    message(STATUS "Practice server client: libpq ${LIBPQ_VERSION}, OpenSSL ${OPENSSL_VERSION}")
  else()
    message(STATUS "libpq (libpq-dev) or OpenSSL 3 (libssl-dev) not found: the practice client is not built")
    set(UC_PRACTICE OFF)
  endif()
endif()
