# Meeting scheduler, .dzn reader and live repair (included by matching/CMakeLists.txt).
target_sources(fairmatch_matching PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dzn.cpp
  ${CMAKE_CURRENT_LIST_DIR}/schedule.cpp
  ${CMAKE_CURRENT_LIST_DIR}/schedule_engine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/schedule_repair.cpp
)
