#include "dyad.h"
#include <stdio.h>
int main(void) { printf("dyad %s\n", dyad_version()); return 0; }
