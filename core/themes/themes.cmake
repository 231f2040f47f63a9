# SPDX-License-Identifier: GPL-3.0-or-later
# core/themes: the theme tagger, by pipeline stage (tokens, match, context, results; compile builds
# the tables once), the codebook and its compiled-in default, and Cohen's kappa.
# Included from core/CMakeLists.txt; paths are relative to core/.
file(READ themes/codebook.json UC_CODEBOOK_JSON)
configure_file(themes/codebook_data.cpp.in ${CMAKE_CURRENT_BINARY_DIR}/codebook_data.cpp @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS themes/codebook.json)

set(UC_THEMES_SOURCES
  themes/codebook.h themes/codebook.cpp
  themes/tagger.h themes/pipeline.h
  themes/lexicon.h themes/lexicon.cpp
  themes/wordtable.h
  themes/compile.cpp
  themes/tokens.cpp
  themes/match.cpp
  themes/context.cpp
  themes/results.cpp
  themes/agreement.h themes/agreement.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/codebook_data.cpp
)
