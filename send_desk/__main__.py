from send_desk.cli import main

raise SystemExit(main())
