set -e
case $- in *e*) echo e-on;; esac
set +e
case $- in *e*) echo e-still;; *) echo e-off;; esac
