trap 'echo x' EXIT
trap
trap - EXIT
trap
echo done
