# Scheduler, .dzn reader and repair tests (included by tests/matching/CMakeLists.txt).
target_sources(matching_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dzn_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/schedule_checker_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/schedule_test.cpp
)
target_sources(matching_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/schedule_repair_test.cpp)
