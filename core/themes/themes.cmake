# SPDX-License-Identifier: GPL-3.0-or-later
# core/themes: the theme tagger, by pipeline stage (tokens, match, context, results; compile builds
# the tables once), the codebook and its compiled-in default, and Cohen's kappa.
# Included from core/CMakeLists.txt; paths are relative to core/.
file(READ themes/codebook.json UC_CODEBOOK_JSON)
configure_file(themes/codebook_data.cpp.in ${CMAKE_CURRENT_BINARY_DIR}/codebook_data.cpp @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS themes/codebook.json)
# One raw literal of the whole file (over 64 KiB): GCC and clang take it; clang's -Wpedantic would
# otherwise warn that the standard only requires 65,536 characters.
set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/codebook_data.cpp PROPERTIES COMPILE_OPTIONS -Wno-overlength-strings)

# WordNet's irregular forms as a sorted table (cmake/Dependencies.cmake checks the lists exist).
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/irregular_forms.cpp
  COMMAND ${CMAKE_COMMAND} -DWORDNET_DIR=${UC_WORDNET_DIR} -DOUT=${CMAKE_CURRENT_BINARY_DIR}/irregular_forms.cpp
          -P ${CMAKE_CURRENT_SOURCE_DIR}/themes/irregular_forms.cmake
  DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/themes/irregular_forms.cmake
          ${UC_WORDNET_DIR}/verb.exc ${UC_WORDNET_DIR}/noun.exc ${UC_WORDNET_DIR}/adj.exc
  COMMENT "Generating the irregular-form table from WordNet"
  VERBATIM)

# The risk flags' learned reading (reading.h), trained here from the development risk corpora
# and, as ordinary text that raises no risk, the tagger's development corpora (their excerpts carry
# no "risks") and risk-benign-train.jsonl (ordinary text in risk talk's grammar): never a held-out file
# (*heldout*.jsonl) nor a check set (risk-dev9.jsonl, risk-dev11.jsonl, risk-benign.jsonl,
# tagger-dev-blind*.jsonl).
set(UC_RISK_READING_CORPORA
  ${CMAKE_SOURCE_DIR}/tests/data/risk-corpus.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/risk-dev2.jsonl ${CMAKE_SOURCE_DIR}/tests/data/risk-dev3.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/risk-dev4.jsonl ${CMAKE_SOURCE_DIR}/tests/data/risk-dev5.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/risk-dev6.jsonl ${CMAKE_SOURCE_DIR}/tests/data/risk-dev7.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/risk-dev8.jsonl ${CMAKE_SOURCE_DIR}/tests/data/risk-dev10.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/risk-dev12.jsonl ${CMAKE_SOURCE_DIR}/tests/data/risk-dev13.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/risk-dev14.jsonl ${CMAKE_SOURCE_DIR}/tests/data/risk-dev15.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/risk-dev16.jsonl ${CMAKE_SOURCE_DIR}/tests/data/risk-dev17.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/risk-benign-train.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/tagger-corpus.jsonl ${CMAKE_SOURCE_DIR}/tests/data/tagger-causes.jsonl)
# The themes' learned reading, from the development theme corpora: the corpus, the cause cases, the
# blind development sets and ordinary text full of family, partner and feeling words with no theme
# (tagger-benign-train.jsonl, negatives); never a held-out file (tagger-heldout*.jsonl) nor a check set
# (tagger-dev-blind2.jsonl, and the check third of tagger-dev-blind.jsonl, whose ids
# tagger-dev-blind-check.txt lists and the trainer leaves out).
set(UC_THEME_READING_CORPORA
  ${CMAKE_SOURCE_DIR}/tests/data/tagger-corpus.jsonl ${CMAKE_SOURCE_DIR}/tests/data/tagger-causes.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/tagger-causes2.jsonl ${CMAKE_SOURCE_DIR}/tests/data/tagger-dev-blind.jsonl ${CMAKE_SOURCE_DIR}/tests/data/tagger-dev-blind3.jsonl
  ${CMAKE_SOURCE_DIR}/tests/data/tagger-dev-blind4.jsonl ${CMAKE_SOURCE_DIR}/tests/data/tagger-benign-train.jsonl)
set(UC_THEME_READING_LEFT_OUT ${CMAKE_SOURCE_DIR}/tests/data/tagger-dev-blind-check.txt)
add_executable(uc_reading_train themes/readingtrain.cpp themes/readingfeatures.cpp themes/reading.h
  themes/stemmer.h themes/stemmer.cpp)
target_include_directories(uc_reading_train PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(uc_reading_train PRIVATE Qt6::Core uc_stemmer)
set_target_properties(uc_reading_train PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/reading_weights.cpp
  COMMAND uc_reading_train ${CMAKE_CURRENT_BINARY_DIR}/reading_weights.cpp
          --leave-out ${UC_THEME_READING_LEFT_OUT}
          --risks ${UC_RISK_READING_CORPORA} --themes ${UC_THEME_READING_CORPORA}
  DEPENDS uc_reading_train ${UC_RISK_READING_CORPORA} ${UC_THEME_READING_CORPORA} ${UC_THEME_READING_LEFT_OUT}
  COMMENT "Training the learned readings on the development risk and theme corpora"
  VERBATIM)

set(UC_THEMES_SOURCES
  themes/codebook.h themes/codebook.cpp
  themes/codebookparse.h themes/codebookrules.cpp themes/codebookrisks.cpp
  themes/tagger.h themes/pipeline.h
  themes/lexicon.h themes/lexicon.cpp
  themes/wordtable.h
  themes/morphology.h themes/morphology.cpp
  themes/stemmer.h themes/stemmer.cpp
  themes/compile.cpp themes/compilerules.cpp themes/compilerisks.cpp
  themes/tokens.cpp
  themes/match.cpp
  themes/senses.cpp
  themes/persons.cpp
  themes/frames.cpp
  themes/context.cpp
  themes/links.cpp
  themes/results.cpp
  themes/risks.cpp themes/riskanswers.cpp
  themes/riskrules.cpp
  themes/riskclaims.cpp
  themes/broadnet.h themes/broadnet.cpp themes/broadmatcher.cpp themes/broadexclusions.cpp
  themes/broadlexicon.cpp themes/broadcues.cpp themes/broadtopic.cpp
  themes/reading.h themes/readingfeatures.cpp themes/reading.cpp themes/riskreading.cpp themes/themereading.cpp
  themes/agreement.h themes/agreement.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/codebook_data.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/irregular_forms.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/reading_weights.cpp
)
set(UC_THEMES_LIBRARIES uc_stemmer)
