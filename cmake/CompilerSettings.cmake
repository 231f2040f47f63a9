# SPDX-License-Identifier: GPL-3.0-or-later
# Strict Qt defines and warnings (in the spirit of KDE's KDECompilerSettings, without ECM).
add_library(uc_settings INTERFACE)
target_compile_definitions(uc_settings INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_KEYWORDS
  QT_NO_FOREACH QT_USE_QSTRINGBUILDER QT_NO_CAST_FROM_BYTEARRAY QT_STRICT_ITERATORS
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  UC_VERSION="${PROJECT_VERSION}")
target_compile_options(uc_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual
  -Wcast-align -Wformat=2 -Wundef
  $<$<BOOL:${UC_WERROR}>:-Werror>)

option(UC_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(UC_SANITIZE)
  target_compile_options(uc_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(uc_settings INTERFACE -fsanitize=address,undefined)
endif()

option(UC_FUZZ "Build the libFuzzer targets (clang)" OFF)
if(UC_FUZZ)
  target_compile_options(uc_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(uc_settings INTERFACE -fsanitize=address,undefined)
endif()
