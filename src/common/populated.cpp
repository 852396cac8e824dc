// common/populated.cpp — see populated.h.
#include "common/populated.h"

#include <new>

#include <sys/mman.h>

namespace caunoi {

void* map_populated(size_t bytes) {
  void* m = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE,
                 -1, 0);
  if (m == MAP_FAILED) throw std::bad_alloc();
  return m;
}

void unmap_populated(void* p, size_t bytes) {
  munmap(p, bytes);
}

}  // namespace caunoi
