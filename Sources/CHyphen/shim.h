// libhyphen (Debian libhyphen-dev) ships no pkg-config file: its one header is in /usr/include.
#include <hyphen.h>
